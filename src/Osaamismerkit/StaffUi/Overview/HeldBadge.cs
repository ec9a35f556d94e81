using Osaamismerkit.Catalogue;

namespace Osaamismerkit.StaffUi.Overview;

/// <summary>
/// One of the client's assertions as the instructor sees it: status now, reason if revoked, claim code if any, and the
/// staff-only notes (the assessment's internal note, the revocation note) that are never published.
/// </summary>
public sealed record HeldBadge(
    string AssertionId,
    BadgeDefinition Badge,
    DateTimeOffset IssuedOn,
    DateTimeOffset? Expires,
    string Status,
    DateTimeOffset? RevokedAt,
    string? RevocationReason,
    string? ClaimCode,
    string PublicUrl,
    string? InternalNote = null,
    string? RevocationNote = null);
