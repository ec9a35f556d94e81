namespace Osaamismerkit.Issuing;

/// <summary>One of a client's badges with its status now, in the caller's language.</summary>
public sealed record ClientBadge(
    string AssertionId,
    string BadgeId,
    string BadgeVersion,
    string Name,
    int Level,
    string Kind,
    string RecipientType,
    DateTimeOffset IssuedOn,
    DateTimeOffset? Expires,
    string Status,
    string? RevocationReason,
    string PublicUrl,
    string? ClaimCode);
