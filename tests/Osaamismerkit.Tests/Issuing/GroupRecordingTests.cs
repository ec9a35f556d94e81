using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Osaamismerkit.Assessments;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Issuing;

/// <summary>A group session recorded through the API: every client answered on their own, nothing half-done, retries replay.</summary>
public sealed class GroupRecordingTests : IssuingTestBase
{
    [Test]
    public async Task A_group_of_eight_answers_each_client_on_their_own_and_a_resent_group_records_nothing_twice()
    {
        var clients = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            clients.Add((await Scenario.ClientAsync(Instructor, Unit, email: i % 2 == 0 ? $"group{i}@example.fi" : null, name: $"Ryhmäläinen {i}")).Id);
        }

        await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, clients[6], Unit));
        var otherUnit = await Scenario.UnitAsync("instructor-2");
        var stranger = (await Scenario.ClientAsync(Scenario.Instructor("instructor-2"), otherUnit)).Id;
        clients[7] = stranger;
        var notYet = Scenario.FailingOne(BasicBadge, clients[5], Unit).Criteria;
        var request = GroupOf(clients, (i, all) => i == 5 ? notYet! : all);

        using var first = await SendAsync(request, "digipaja-2026-11-20");
        var answer = (await first.Content.ReadFromJsonAsync<GroupResult>())!;

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        Assert.That(answer.Results.Select(r => r.Status), Is.EqualTo(new[]
        {
            GroupMemberResult.Issued, GroupMemberResult.Issued, GroupMemberResult.Issued, GroupMemberResult.Issued, GroupMemberResult.Issued,
            GroupMemberResult.Progress, GroupMemberResult.Refused, GroupMemberResult.Invalid,
        }));
        Assert.That((answer.Issued, answer.Progress, answer.Refused, answer.Invalid), Is.EqualTo((5, 1, 1, 1)));
        Assert.That(answer.Results[7].Errors!.Keys, Does.Contain("clientId"), "another unit's client is not found");
        Assert.That(answer.Results[5].Assessment!.MissingCriteria, Is.Not.Empty);
        Assert.That(answer.Results[1].Assessment!.Badge!.ClaimCode, Is.Not.Null, "a client without e-mail gets a claim code as in a single assessment");
        Assert.That(await Scenario.CountAsync("outbox_messages"), Is.EqualTo(4), "the clients with an address are told, in the same transactions (the one already holding it was told before)");
        var assertions = await Scenario.CountAsync("assertions");
        var assessments = await Scenario.CountAsync("assessments");

        using var again = await SendAsync(request, "digipaja-2026-11-20");
        var replay = (await again.Content.ReadFromJsonAsync<GroupResult>())!;

        Assert.That(replay.Results.Take(6).Select(r => r.Assessment!.AssessmentId), Is.EqualTo(answer.Results.Take(6).Select(r => r.Assessment!.AssessmentId)));
        Assert.That(await Scenario.CountAsync("assertions"), Is.EqualTo(assertions));
        Assert.That(await Scenario.CountAsync("assessments"), Is.EqualTo(assessments));
    }

    [Test]
    public async Task A_member_statement_replaces_the_shared_one_for_that_client_only()
    {
        var a = (await Scenario.ClientAsync(Instructor, Unit)).Id;
        var b = (await Scenario.ClientAsync(Instructor, Unit)).Id;
        var request = GroupOf([a, b], (_, all) => all);
        request = request with { Clients = [request.Clients![0], request.Clients[1] with { Statement = "Teki tehtävän itse alusta loppuun." }] };

        using var response = await SendAsync(request, null);
        var answer = (await response.Content.ReadFromJsonAsync<GroupResult>())!;

        var evidence = new List<string>();
        foreach (var result in answer.Results)
        {
            var json = await Scenario.JsonAsync(Anonymous, new Uri(result.Assessment!.Badge!.JsonUrl).PathAndQuery);
            evidence.Add(json.GetProperty("evidence")[0].GetProperty("narrative").GetString()!);
        }

        Assert.That(evidence, Is.EqualTo(new[] { "Harjoitteli ryhmässä ja teki tehtävät itse.", "Teki tehtävän itse alusta loppuun." }));
    }

    [Test]
    public async Task A_group_of_thirty_one_or_with_a_client_twice_is_refused_whole_and_records_nothing()
    {
        var one = (await Scenario.ClientAsync(Instructor, Unit)).Id;

        using var tooMany = await SendAsync(GroupOf(Enumerable.Repeat(one, 31).Select((c, i) => c + i).ToList(), (_, all) => all), null);
        using var twice = await SendAsync(GroupOf([one, one], (_, all) => all), null);

        Assert.That(tooMany.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(JsonDocument.Parse(await twice.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("clients", out _), Is.True);
        Assert.That(await Scenario.CountAsync("assessments"), Is.Zero);
    }

    private GroupRequest GroupOf(IReadOnlyList<string> clients, Func<int, IReadOnlyList<CriterionResult>, IReadOnlyList<CriterionResult>> criteria)
    {
        var all = BasicBadge.Criteria.Select(c => new CriterionResult(c.Id, true)).ToList();
        return new GroupRequest(
            BasicBadge.Id, BasicBadge.Version, "2026-11-20", Unit, DeliveryModes.OnSite, "Harjoitteli ryhmässä ja teki tehtävät itse.",
            clients.Select((c, i) => new GroupMember(c, criteria(i, all), null, null)).ToList());
    }

    private async Task<HttpResponseMessage> SendAsync(GroupRequest request, string? key)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/assessments/group") { Content = JsonContent.Create(request) };
        if (key is not null)
        {
            message.Headers.Add("Idempotency-Key", key);
        }

        return await Instructor.SendAsync(message);
    }
}
