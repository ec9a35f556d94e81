using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Bench;

/// <summary>
/// A group session of 30 clients through POST /api/assessments/group, every client passing: 30 assessments, 30 signed
/// assertions and, for the clients with an e-mail address, 30 outbox messages with their wallet links, each client in its own
/// transaction. Timed from request to answer, one group after another on fresh clients.
/// </summary>
internal static class GroupBench
{
    public const int GroupSize = 30;

    public static async Task RunAsync(int rounds, int port = 0)
    {
        await using var host = BenchHost.Start(port);
        using var admin = host.Client(1, StaffTokens.Bearer("bench-admin", "Bench Admin", Roles.Admin));
        using var created = await admin.PostAsJsonAsync("/api/units", new UnitRequest("Joensuun digipaja (group bench)", "167"));
        var unit = (await created.Content.ReadFromJsonAsync<UnitView>())!;
        using (await admin.PutAsync($"/api/units/{unit.Id}/members/{IssuanceWorkload.InstructorSubject}", null))
        {
        }

        using var instructor = host.Client(1, StaffTokens.Bearer(IssuanceWorkload.InstructorSubject, "Ohjaaja Penchmark", Roles.Instructor));
        var badge = host.Services.GetRequiredService<Catalogue.BadgeCatalogue>().Badges
            .First(b => b.Kind == BadgeKind.Skill && b.PrerequisiteIds.Count == 0);
        var times = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            var clients = new List<string>();
            for (var i = 0; i < GroupSize; i++)
            {
                using var response = await instructor.PostAsJsonAsync(
                    "/api/clients", new ClientRequest($"Ryhmäläinen {round}-{i}", $"group{round}.{i}@example.fi", null, "fi", unit.Id, null));
                clients.Add((await response.Content.ReadFromJsonAsync<ClientView>())!.Id);
            }

            var request = new GroupRequest(
                badge.Id, badge.Version, "2026-11-20", unit.Id, DeliveryModes.OnSite, "Harjoitteli ryhmässä ja teki tehtävät itse.",
                clients.Select(c => new GroupMember(c, badge.Criteria.Select(k => new CriterionResult(k.Id, true)).ToList(), null, null)).ToList());
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/assessments/group") { Content = JsonContent.Create(request) };
            message.Headers.Add("Idempotency-Key", $"bench-group-{round}");
            var clock = Stopwatch.StartNew();
            using var answer = await instructor.SendAsync(message);
            var result = (await answer.Content.ReadFromJsonAsync<GroupResult>())!;
            clock.Stop();
            if (result.Issued != GroupSize)
            {
                throw new InvalidOperationException($"The group issued {result.Issued} of {GroupSize}.");
            }

            // Round 0 warms the service up (JIT, first connections) and is not counted.
            if (round > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            group: POST /api/assessments/group, {GroupSize} clients all passing (30 signed assertions + 30 outbox messages, one transaction each)
              {rounds} groups after one warm-up: median {times[times.Count / 2]:F0} ms, slowest {times[^1]:F0} ms, fastest {times[0]:F0} ms (target < 2000 ms)
            """));
    }
}
