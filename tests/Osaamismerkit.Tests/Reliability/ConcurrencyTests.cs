using System.Net;
using System.Net.Http.Json;
using Osaamismerkit.Assessments;
using Osaamismerkit.Baseline;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reliability;

/// <summary>
/// Two staff members acting on one client at the same moment, as they do on two instances behind a load balancer. SQLite
/// serialises writers at BEGIN IMMEDIATE, so here the races cannot go wrong; on SQL Server two transactions read at once
/// unless the client's lock (ClientQueries.LockAsync) orders them, which the pipeline runs with READ_COMMITTED_SNAPSHOT off
/// and on. Several rounds, each on a fresh client, because one round may happen to run one request after the other.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.AvailableProviders))]
[Category("Concurrency")]
public sealed class ConcurrencyTests(DatabaseProvider provider)
{
    private const int Rounds = 4;

    private TestApp _app = null!;
    private Scenario _scenario = null!;
    private string _unit = null!;
    private HttpClient _first = null!;
    private HttpClient _second = null!;
    private HttpClient _anonymous = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        // The claim endpoint limits guesses per address; these rounds are not guesses.
        _app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["RateLimits:GuessingPermitsPerMinute"] = "1000" });
        _scenario = new Scenario(_app);
        _unit = await _scenario.UnitAsync("instructor-1", "instructor-2");
        _first = _scenario.Instructor("instructor-1");
        _second = _scenario.Instructor("instructor-2");
        _anonymous = _app.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _first.Dispose();
        _second.Dispose();
        _anonymous.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task Two_instructors_passing_the_last_two_parts_at_once_issue_the_milestone_exactly_once()
    {
        var catalogue = _scenario.Catalogue;
        var milestone = catalogue.Badges.First(b => b.Kind == BadgeKind.Milestone && b.PartIds.Count >= 2
                                                    && b.PartIds.All(p => catalogue.Find(p)!.PrerequisiteIds.Count == 0));
        var parts = milestone.PartIds.Select(p => catalogue.Find(p)!).ToList();

        for (var round = 1; round <= Rounds; round++)
        {
            var client = await _scenario.ClientAsync(_first, _unit, email: $"milestone{round}@example.fi");
            foreach (var part in parts.SkipLast(2))
            {
                await Scenario.PassAsync(_first, Scenario.Passing(part, client.Id, _unit));
            }

            var results = await Task.WhenAll(
                Scenario.PassAsync(_first, Scenario.Passing(parts[^2], client.Id, _unit)),
                Scenario.PassAsync(_second, Scenario.Passing(parts[^1], client.Id, _unit)));

            Assert.That(results.SelectMany(r => r.Milestones).Select(m => m.BadgeId), Is.EqualTo(new[] { milestone.Id }), $"round {round}: one of the two passes issued it");
            Assert.That(
                await _scenario.CountAsync("assertions", "client_id = @Client AND badge_id = @Badge", new { Client = client.Id, Badge = milestone.Id }),
                Is.EqualTo(1),
                $"round {round}: the milestone is held once");
        }
    }

    [Test]
    public async Task Two_baselines_recorded_at_once_for_one_client_leave_one_chain_with_one_latest_mapping()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var client = await _scenario.ClientAsync(_first, _unit, name: $"Asiakas K{round}");

            var responses = await Task.WhenAll(
                _first.PostAsJsonAsync($"/api/clients/{client.Id}/baselines", Mapping(_unit, "2026-06-01", "intake")),
                _second.PostAsJsonAsync($"/api/clients/{client.Id}/baselines", Mapping(_unit, "2026-11-20", "closing")));

            foreach (var response in responses)
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
                response.Dispose();
            }

            // Both rows relinked by whichever transaction ran second: each report counts this client once.
            Assert.That(await _scenario.CountAsync("baselines", "client_id = @Id", new { client.Id }), Is.EqualTo(2), $"round {round}");
            Assert.That(await _scenario.CountAsync("baselines", "client_id = @Id AND next_on IS NULL", new { client.Id }), Is.EqualTo(1), $"round {round}: one latest mapping");
            Assert.That(await _scenario.CountAsync("baselines", "client_id = @Id AND previous_on IS NULL", new { client.Id }), Is.EqualTo(1), $"round {round}: one first mapping");
        }
    }

    [Test]
    public async Task Two_claims_of_one_code_at_once_give_the_badge_to_one_address_and_a_plain_answer_to_the_other()
    {
        var badge = _scenario.Catalogue.Badges.First(b => b.Kind == BadgeKind.Skill && b.PrerequisiteIds.Count == 0);
        for (var round = 1; round <= Rounds; round++)
        {
            var client = await _scenario.ClientAsync(_first, _unit, name: $"Asiakas C{round}");
            var code = (await Scenario.PassAsync(_first, Scenario.Passing(badge, client.Id, _unit))).Badge!.ClaimCode!;

            var responses = await Task.WhenAll(
                _anonymous.PostAsJsonAsync("/api/claims", new ClaimRequest(code, $"one{round}@example.fi")),
                _anonymous.PostAsJsonAsync("/api/claims", new ClaimRequest(code, $"two{round}@example.fi")));

            var statuses = responses.Select(r => r.StatusCode).ToList();
            Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(1), $"round {round}: one claim wins: {string.Join(", ", statuses)}");
            var loser = responses.Single(r => r.StatusCode != HttpStatusCode.OK);
            Assert.That((int)loser.StatusCode, Is.InRange(400, 499), $"round {round}: the other is told, not a server error");
            Assert.That(loser.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(
                await _scenario.CountAsync("assertions", "client_id = @Id AND revoked_at IS NULL", new { client.Id }),
                Is.EqualTo(1),
                $"round {round}: one live badge, re-issued to one address");
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    private static BaselineRequest Mapping(string unit, string on, string phase) =>
        new(on, unit, phase, "onsite", Enumerable.Range(1, 5).Select(area => (AreaLevelInput?)new AreaLevelInput(area, 2, area == 1 ? 2 : null)).ToList());
}
