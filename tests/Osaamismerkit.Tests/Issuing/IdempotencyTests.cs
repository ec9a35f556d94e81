using System.Net;
using System.Net.Http.Json;
using Osaamismerkit.Assessments;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Issuing;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.AvailableProviders))]
public sealed class IdempotencyTests(DatabaseProvider provider) : IssuingTestBase(provider)
{
    [Test]
    public async Task A_retry_with_the_same_key_returns_the_first_result_and_issues_nothing_twice()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "f@example.fi");
        var request = Scenario.Passing(BasicBadge, client.Id, Unit);

        using var first = await Scenario.AssessAsync(Instructor, request, "key-1");
        using var retry = await Scenario.AssessAsync(Instructor, request, "key-1");
        var a = (await first.Content.ReadFromJsonAsync<AssessmentResult>())!;
        var b = (await retry.Content.ReadFromJsonAsync<AssessmentResult>())!;

        Assert.That(retry.StatusCode, Is.EqualTo(first.StatusCode));
        Assert.That(b.AssessmentId, Is.EqualTo(a.AssessmentId));
        Assert.That(b.Badge!.AssertionId, Is.EqualTo(a.Badge!.AssertionId));
        Assert.That(await Scenario.CountAsync("assessments"), Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("assertions"), Is.EqualTo(1));
    }

    [Test]
    public async Task Parallel_retries_issue_exactly_once()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "g@example.fi");
        var request = Scenario.Passing(BasicBadge, client.Id, Unit);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Scenario.AssessAsync(Instructor, request, "parallel-key")));
        var results = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<AssessmentResult>()));

        Assert.That(responses.Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.Created));
        Assert.That(results.Select(r => r!.Badge!.AssertionId).Distinct().Count(), Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("assessments"), Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("assertions"), Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'assertion.issued'"), Is.EqualTo(1));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task Parallel_passes_without_a_key_still_issue_the_badge_once()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "h@example.fi");
        var request = Scenario.Passing(BasicBadge, client.Id, Unit);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Scenario.AssessAsync(Instructor, request)));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(responses.Where(r => r.StatusCode != HttpStatusCode.Created).Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await Scenario.CountAsync("assertions"), Is.EqualTo(1));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task The_same_key_with_a_different_request_is_refused()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "i@example.fi");
        using var first = await Scenario.AssessAsync(Instructor, Scenario.FailingOne(BasicBadge, client.Id, Unit), "key-2");

        using var second = await Scenario.AssessAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit), "key-2");

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await Scenario.CountAsync("assessments"), Is.EqualTo(1));
    }
}
