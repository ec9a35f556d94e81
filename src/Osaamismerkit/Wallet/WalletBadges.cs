using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Issuing;

namespace Osaamismerkit.Wallet;

/// <summary>A client's badges for their wallet: in force first. A placeholder replaced by a claim is left out, since
/// the client now holds its re-issued twin and two copies of one badge would only confuse.</summary>
public sealed class WalletBadges(Database database, BadgeVersions versions, ContactProtector protector, TimeProvider clock)
{
    public async Task<IReadOnlyList<WalletBadge>> OfAsync(string clientId, CancellationToken cancellationToken)
    {
        IReadOnlyList<AssertionRow> rows;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            rows = await AssertionQueries.UnreplacedOfClientAsync(connection, clientId, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var badges = new List<WalletBadge>(rows.Count);
        foreach (var row in rows)
        {
            if (await versions.FindAsync(row.BadgeId, row.BadgeVersion, cancellationToken) is not { } definition)
            {
                continue;
            }

            var status = AssertionStatus.Of(row.RevokedAt, row.Expires, now);
            // Only a badge in force can be claimed: claiming an expired one would re-issue a badge that is already out of date.
            var claimCode = row.RecipientType == Recipient.UrlType && status == AssertionStatus.Valid ? protector.Unprotect(row.ClaimCodeProtected) : null;
            badges.Add(new WalletBadge(
                Guid.Parse(row.Id), definition, row.IssuedOn, row.Expires, row.RevokedAt, row.RevocationReason, status, claimCode));
        }

        return badges.OrderBy(b => b.Status == AssertionStatus.Valid ? 0 : 1).ToList();
    }

    public async Task<WalletBadge?> FindAsync(string clientId, string shortId, CancellationToken cancellationToken) =>
        (await OfAsync(clientId, cancellationToken)).FirstOrDefault(b => b.ShortId == shortId);
}
