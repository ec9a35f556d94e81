using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Osaamismerkit.Assessments;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.StaffUi.Recording;

/// <summary>Reads a recorded assessment back with what it issued, for an instructor who may see the client.</summary>
public sealed class AssessmentOutcomes(Database database, ClientAccess access, Catalogue.Catalogue catalogue, ContactProtector protector, ObUrls urls)
{
    private const string ById = """
        SELECT id, badge_id, outcome, criteria_json, demonstrated_on
        FROM assessments
        WHERE id = @Id AND client_id = @ClientId
        """;

    private const string Issued = """
        SELECT id, badge_id, claim_code_protected, revoked_at
        FROM assertions
        WHERE assessment_id = @Id
        """;

    public async Task<AssessmentOutcome?> FindAsync(string clientId, string assessmentId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(clientId, user, cancellationToken) is not { } client)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<AssessmentLine>(
            new CommandDefinition(ById, new { Id = assessmentId, ClientId = clientId }, cancellationToken: cancellationToken));
        if (row is null || catalogue.Find(row.BadgeId) is not { } badge)
        {
            return null;
        }

        var met = JsonSerializer.Deserialize<List<MetLine>>(row.CriteriaJson, JsonSerializerOptions.Web)!.Where(c => c.Met).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var issued = (await connection.QueryAsync<IssuedRow>(new CommandDefinition(Issued, new { Id = assessmentId }, cancellationToken: cancellationToken)))
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

    private sealed record AssessmentLine
    {
        public required string Id { get; init; }

        public required string BadgeId { get; init; }

        public required string Outcome { get; init; }

        public required string CriteriaJson { get; init; }

        public required DateOnly DemonstratedOn { get; init; }
    }

    private sealed record IssuedRow
    {
        public required string Id { get; init; }

        public required string BadgeId { get; init; }

        public string? ClaimCodeProtected { get; init; }

        public DateTimeOffset? RevokedAt { get; init; }
    }

    private sealed record MetLine(string Id, bool Met);
}
