using Osaamismerkit.Catalogue;

namespace Osaamismerkit.StaffUi.Overview;

/// <summary>One of the client's assertions as the instructor sees it: status now, reason if revoked, claim code if any.</summary>
public sealed record HeldBadge(
    string AssertionId,
    BadgeDefinition Badge,
    DateTimeOffset IssuedOn,
    DateTimeOffset? Expires,
    string Status,
    DateTimeOffset? RevokedAt,
    string? RevocationReason,
    string? ClaimCode,
    string PublicUrl);
