using System.Security.Claims;
using System.Text.Json;
using Osaamismerkit.Assessments;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.StaffUi.Recording;

/// <summary>Reads a recorded assessment back with what it issued, for an instructor who may see the client.</summary>
public sealed class AssessmentOutcomes(Database database, ClientAccess access, Catalogue.BadgeCatalogue catalogue, ContactProtector protector, ObUrls urls)
{
    public async Task<AssessmentOutcome?> FindAsync(string clientId, string assessmentId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(clientId, user, cancellationToken) is not { } client)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await AssessmentQueries.FindAsync(connection, clientId, assessmentId, cancellationToken);
        if (row is null || catalogue.Find(row.BadgeId) is not { } badge)
        {
            return null;
        }

        var met = JsonSerializer.Deserialize<List<MetLine>>(row.CriteriaJson, JsonSerializerOptions.Web)!.Where(c => c.Met).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var issued = (await AssertionQueries.OfAssessmentAsync(connection, assessmentId, cancellationToken))
            .Where(a => catalogue.Find(a.BadgeId) is not null)
            .Select(a => new IssuedLine(
                a.Id, catalogue.Find(a.BadgeId)!, urls.PublicPage(Guid.Parse(a.Id)),
                a.RevokedAt is null ? protector.Unprotect(a.ClaimCodeProtected) : null, a.RevokedAt is not null))
            .ToList();
        return new AssessmentOutcome(
            row.Id,
            client.Id,
            client.DisplayName,
            badge,
            row.Outcome == Outcomes.Passed,
            row.DemonstratedOn,
            badge.Criteria.Where(c => met.Contains(c.Id)).ToList(),
            badge.Criteria.Where(c => c.Required && !met.Contains(c.Id)).ToList(),
            issued.FirstOrDefault(i => i.Badge.Id == badge.Id),
            issued.Where(i => i.Badge.Id != badge.Id).ToList());
    }

    private sealed record MetLine(string Id, bool Met);
}
