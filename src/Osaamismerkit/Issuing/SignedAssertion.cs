namespace Osaamismerkit.Issuing;

/// <summary>An assertion built and signed but not yet stored: signing needs no database, so it happens before the write lock.</summary>
public sealed record SignedAssertion(
    Guid Id,
    NewAssertion Request,
    Recipient Recipient,
    string Salt,
    string? ClaimCode,
    string? ClaimCodeProtected,
    DateTimeOffset IssuedOn,
    DateTimeOffset? Expires,
    string SigningKeyId,
    string Json,
    string Jws);
