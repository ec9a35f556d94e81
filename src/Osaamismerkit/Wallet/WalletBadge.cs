using Osaamismerkit.Catalogue;
using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.Wallet;

/// <summary>One of the client's own badges; the claim code only while the badge still waits for an e-mail address.</summary>
public sealed record WalletBadge(
    Guid Id,
    BadgeDefinition Badge,
    DateTimeOffset IssuedOn,
    DateTimeOffset? Expires,
    DateTimeOffset? RevokedAt,
    string? RevocationReason,
    string Status,
    string? ClaimCode)
{
    public string ShortId => ShortIds.Encode(Id);
}
