namespace Osaamismerkit.Assessments;

public sealed record IssuedBadge(
    string AssertionId,
    string BadgeId,
    string RecipientType,
    DateTimeOffset IssuedOn,
    DateTimeOffset? Expires,
    string PublicUrl,
    string JsonUrl,
    string JwsUrl,
    string? ClaimCode);
