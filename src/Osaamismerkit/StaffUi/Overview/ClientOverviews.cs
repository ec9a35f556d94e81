using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Wallet;

namespace Osaamismerkit.StaffUi.Overview;

/// <summary>Everything the client overview shows, read for an instructor who may see the client.</summary>
public sealed class ClientOverviews(
    Database database, ClientAccess access, Catalogue.BadgeCatalogue catalogue, ContactProtector protector, WalletLinks links, ObUrls urls, TimeProvider clock)
{

    public async Task<ClientOverview?> FindAsync(string clientId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(clientId, user, cancellationToken) is not { } client)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var unit = await Staff.UnitQueries.NameOfAsync(connection, client.UnitId, cancellationToken);
        var assertions = await AssertionQueries.OfClientAsync(connection, client.Id, cancellationToken);
        var assessments = await AssessmentQueries.OfClientAsync(connection, client.Id, cancellationToken);

        var now = clock.GetUtcNow();
        var notes = assessments.Where(a => a.InternalNote is not null).ToDictionary(a => a.Id, a => a.InternalNote, StringComparer.Ordinal);
        var badges = assertions
            .Where(a => catalogue.Find(a.BadgeId) is not null)
            .Select(a =>
            {
                var status = AssertionStatus.Of(a.RevokedAt, a.Expires, now);
                return new HeldBadge(
                    a.Id, catalogue.Find(a.BadgeId)!, a.IssuedOn, a.Expires, status, a.RevokedAt, a.RevocationReason,
                    status == AssertionStatus.Valid ? ClaimCode(a.ClaimCodeProtected) : null, urls.PublicPage(Guid.Parse(a.Id)),
                    a.AssessmentId is { } assessment ? notes.GetValueOrDefault(assessment) : null, a.RevocationNote);
            })
            .OrderBy(b => b.Status == AssertionStatus.Valid ? 0 : 1)
            .ThenByDescending(b => b.IssuedOn)
            .ThenByDescending(b => b.AssertionId, StringComparer.Ordinal)
            .ToList();
        var held = badges.Where(b => b.Status == AssertionStatus.Valid).Select(b => b.Badge.Id).ToHashSet(StringComparer.Ordinal);

        return new ClientOverview(
            client,
            unit ?? client.UnitId,
            client.EmailProtected is not null || client.PhoneProtected is not null,
            !(protector.TryUnprotect(client.EmailProtected, out _) & protector.TryUnprotect(client.PhoneProtected, out _)),
            badges,
            OpenAssessments(assessments, held),
            NextLevel(held),
            Milestones(held),
            await links.ActiveSinceAsync(client.Id, cancellationToken));
    }

    /// <summary>A claim code this key ring cannot decrypt is left out; the page says why beside the contact line.</summary>
    private string? ClaimCode(string? protectedCode) => protector.TryUnprotect(protectedCode, out var code) ? code : null;

    private List<OpenAssessment> OpenAssessments(IReadOnlyList<AssessmentRow> assessments, HashSet<string> held) =>
        assessments
            .GroupBy(a => a.BadgeId, StringComparer.Ordinal)
            .Select(g => g.First())
            .Where(a => a.Outcome == Outcomes.NotYet && !held.Contains(a.BadgeId) && catalogue.Find(a.BadgeId) is not null)
            .Select(a =>
            {
                var badge = catalogue.Find(a.BadgeId)!;
                var met = JsonSerializer.Deserialize<List<MetLine>>(a.CriteriaJson, JsonSerializerOptions.Web)!
                    .Where(c => c.Met).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
                var required = badge.Criteria.Where(c => c.Required).ToList();
                return new OpenAssessment(
                    a.Id, badge, a.DemonstratedOn, required.Count(c => met.Contains(c.Id)), required.Count, required.Where(c => !met.Contains(c.Id)).ToList());
            })
            .ToList();

    /// <summary>Skill badges the client may now take: every prerequisite held, the badge itself not yet.</summary>
    private List<BadgeDefinition> NextLevel(HashSet<string> held) =>
        catalogue.Badges
            .Where(b => b.Kind == BadgeKind.Skill && b.PrerequisiteIds.Count > 0 && !held.Contains(b.Id) && b.PrerequisiteIds.All(held.Contains))
            .ToList();

    private List<MilestoneProgress> Milestones(HashSet<string> held) =>
        catalogue.Badges
            .Where(b => b.Kind == BadgeKind.Milestone)
            .Select(m =>
            {
                var parts = m.PartIds.Select(catalogue.Find).OfType<BadgeDefinition>().ToList();
                return new MilestoneProgress(m, parts.Where(p => held.Contains(p.Id)).ToList(), parts.Where(p => !held.Contains(p.Id)).ToList(), held.Contains(m.Id));
            })
            .OrderBy(p => p.Milestone.Level)
            .ThenBy(p => p.Milestone.Track)
            .ToList();

    private sealed record MetLine(string Id, bool Met);
}
