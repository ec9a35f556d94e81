namespace Osaamismerkit.Issuing;

/// <summary>A signed assertion as committed; the claim code is in clear text only for a placeholder.</summary>
public sealed record IssuedAssertion(
    Guid Id,
    string BadgeId,
    string RecipientType,
    DateTimeOffset IssuedOn,
    DateTimeOffset? Expires,
    string Json,
    string Jws,
    string? ClaimCode);
