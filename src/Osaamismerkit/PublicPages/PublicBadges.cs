using Dapper;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Issuing;
using Osaamismerkit.Verification;

namespace Osaamismerkit.PublicPages;

/// <summary>Looks up a public badge and checks it afresh on every call.</summary>
public sealed class PublicBadges(AssertionVerifier verifier, BadgeVersions versions, Database database)
{
    public async Task<PublicBadge?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        await verifier.CheckAsync(id, cancellationToken) is { } check ? await DescribeAsync(check, cancellationToken) : null;

    public async Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AssertionQueries.ExistsAsync(connection, id.ToString(), cancellationToken);
    }

    public async Task<PublicBadge?> DescribeAsync(VerificationResult check, CancellationToken cancellationToken = default)
    {
        var badge = await versions.FindAsync(check.BadgeId, check.BadgeVersion, cancellationToken);
        if (badge is null)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var name = await Clients.ClientQueries.SharedNameAsync(connection, check.ClientId, cancellationToken);
        var passedTo = check.Status == VerificationStatus.Revoked
            ? await AssertionQueries.ReplacementOfAsync(connection, check.ClientId, check.AssertionId, cancellationToken)
            : null;
        return new PublicBadge(Guid.Parse(check.AssertionId), check, badge, name, passedTo);
    }
}
