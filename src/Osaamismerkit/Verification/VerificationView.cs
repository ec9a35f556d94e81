namespace Osaamismerkit.Verification;

/// <summary>
/// The machine-readable verification result that employers' and schools' tools read. <see cref="RecipientMatches"/>
/// answers whether the badge was issued to the recipient asked about; null when none was asked about.
/// </summary>
public sealed record VerificationView(
    string Status,
    DateTimeOffset CheckedAt,
    string AssertionId,
    string PublicUrl,
    string AssertionUrl,
    VerifiedBadge Badge,
    VerifiedIssuer Issuer,
    DateTimeOffset IssuedOn,
    DateTimeOffset? Expires,
    DateTimeOffset? RevokedAt,
    string? RevocationReason,
    bool? RecipientMatches = null);
