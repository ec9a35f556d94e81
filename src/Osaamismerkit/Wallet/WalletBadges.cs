using Dapper;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Issuing;

namespace Osaamismerkit.Wallet;

/// <summary>A client's badges for their wallet: in force first. A placeholder replaced by a claim is left out, since
/// the client now holds its re-issued twin and two copies of one badge would only confuse.</summary>
public sealed class WalletBadges(Database database, BadgeVersions versions, ContactProtector protector, TimeProvider clock)
{
    private const string OfClient = """
        SELECT a.id, a.badge_id, a.badge_version, a.recipient_type,
               a.issued_on, a.expires, a.revoked_at, a.revocation_reason,
               a.claim_code_protected
        FROM assertions a
        WHERE a.client_id = @ClientId
          AND NOT EXISTS (SELECT 1 FROM assertions r WHERE r.replaces_id = a.id)
        ORDER BY a.issued_on DESC, a.id
        """;

    public async Task<IReadOnlyList<WalletBadge>> OfAsync(string clientId, CancellationToken cancellationToken)
    {
        List<Row> rows;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            rows = (await connection.QueryAsync<Row>(new CommandDefinition(OfClient, new { ClientId = clientId }, cancellationToken: cancellationToken))).ToList();
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
            var claimCode = row.RecipientType == Recipient.UrlType && status != AssertionStatus.Revoked ? protector.Unprotect(row.ClaimCodeProtected) : null;
            badges.Add(new WalletBadge(
                Guid.Parse(row.Id), definition, row.IssuedOn, row.Expires, row.RevokedAt, row.RevocationReason, status, claimCode));
        }

        return badges.OrderBy(b => b.Status == AssertionStatus.Valid ? 0 : 1).ToList();
    }

    public async Task<WalletBadge?> FindAsync(string clientId, string shortId, CancellationToken cancellationToken) =>
        (await OfAsync(clientId, cancellationToken)).FirstOrDefault(b => b.ShortId == shortId);

    private sealed record Row
    {
        public required string Id { get; init; }

        public required string BadgeId { get; init; }

        public required string BadgeVersion { get; init; }

        public required string RecipientType { get; init; }

        public required DateTimeOffset IssuedOn { get; init; }

        public DateTimeOffset? Expires { get; init; }

        public DateTimeOffset? RevokedAt { get; init; }

        public string? RevocationReason { get; init; }

        public string? ClaimCodeProtected { get; init; }
    }
}
