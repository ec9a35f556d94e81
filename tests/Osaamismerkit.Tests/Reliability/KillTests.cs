using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reliability;

/// <summary>
/// The service as its own process, killed with SIGKILL while instructors issue and revoke, then started again on the
/// same SQLite file: every assessment is either fully there (assertion, audit rows, revocation list) or not at all,
/// and every request left without an answer can be sent again with its key.
/// </summary>
[NonParallelizable]
[Category("Fault")]
public sealed class KillTests
{
    private string _dataFolder = null!;

    [SetUp]
    public void CreateDataFolder() => _dataFolder = Directory.CreateTempSubdirectory("osaamismerkit-kill-").FullName;

    [TearDown]
    public void RemoveDataFolder() => Directory.Delete(_dataFolder, recursive: true);

    [Test]
    [CancelAfter(240_000)]
    public async Task A_service_killed_while_issuing_restarts_with_every_assessment_fully_issued_or_not_at_all(CancellationToken cancellationToken)
    {
        var instructors = IssuerCrowd.InstructorSubjects(4);
        var run = new CrowdRun();
        var revocations = new ConcurrentBag<(string AssertionId, int Status)>();
        const int issuers = 16;

        await using (var first = await ServiceProcess.StartAsync(_dataFolder))
        {
            await using (var setup = await CrowdSetup.OpenFileAsync(_dataFolder))
            {
                await CrowdSetup.UnitAsync(setup, instructors);
            }

            using var http = CrowdSetup.Http(first.BaseAddress);
            var clients = await CrowdSetup.ClientsAsync(http, instructors[0], 60, cancellationToken);
            var crowd = new IssuerCrowd(http, CrowdSetup.Unit, clients, CrowdSetup.SkillBadges(), instructors.Count);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var issuing = crowd.RunAsync(run, issuers, TimeSpan.FromMinutes(2), seed: 9, stop.Token);
            var revoking = RevokeAsync(http, run, instructors[1], revocations, stop.Token);

            // Killed in full flight: once enough badges were issued and revoked that both are surely under way.
            await WaitUntilAsync(() => run.Observations.Count(o => o.Result?.Badge is not null) >= 40 && revocations.Count(r => r.Status == 200) >= 5, cancellationToken);
            await first.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(issuing, revoking);
        }

        var unanswered = run.Attempts.Where(a => !run.Answered.ContainsKey(a.Key)).ToList();
        TestContext.Out.WriteLine($"Before the kill: {run.Summary()}; {revocations.Count} revocations; {unanswered.Count} keys without an answer");
        Assert.That(run.BadAnswers(connectionFailuresExpected: true), Is.Empty, "answers before the kill");
        Assert.That(revocations.Where(r => r.Status is not (200 or 409 or 404) and not 0), Is.Empty, "revocation answers before the kill");

        // Each issuer has one key in flight at a time and gives up on its first unanswered request, so the kill can leave
        // at most one key per issuer without an answer.
        Assert.That(unanswered, Has.Count.LessThanOrEqualTo(issuers), "keys in flight at the kill");
        var revokedWithOk = revocations.Where(r => r.Status == 200).Select(r => r.AssertionId).ToHashSet(StringComparer.Ordinal);

        await using var second = await ServiceProcess.StartAsync(_dataFolder);
        Dictionary<string, string> committedUnanswered;
        await using (var connection = await CrowdSetup.OpenFileAsync(_dataFolder))
        {
            var keys = unanswered.Select(a => a.Key).ToArray();
            committedUnanswered = (await connection.QueryAsync<(string Key, string Id)>(
                    "SELECT idempotency_key, id FROM assessments WHERE idempotency_key IN @Keys", new { Keys = keys }))
                .ToDictionary(r => r.Key, r => r.Id, StringComparer.Ordinal);
            TestContext.Out.WriteLine($"After the restart: {committedUnanswered.Count} of the {keys.Length} unanswered keys had been committed before the kill");

            // A revocation answered 200 was committed before the answer left: the kill must not take it back.
            var revokedRows = (await connection.QueryAsync<string>("SELECT id FROM assertions WHERE revoked_at IS NOT NULL")).ToHashSet(StringComparer.Ordinal);
            Assert.That(revokedWithOk.Where(id => !revokedRows.Contains(id)), Is.Empty, "revocations answered 200 but not revoked after the restart");
            var unansweredRevocations = revocations.Where(r => r.Status == 0).Select(r => r.AssertionId).Distinct().ToList();
            TestContext.Out.WriteLine(
                $"{unansweredRevocations.Count(revokedRows.Contains)} of {unansweredRevocations.Count} unanswered revocations had been committed (each with its audit row: checked below)");
            Assert.That(await IssuanceConsistency.ProblemsAsync(connection), Is.Empty, "the database after the kill");
            Assert.That(await run.ProblemsAgainstAsync(connection), Is.Empty, "answers given before the kill against the database");
        }

        // The instructors' tablets send what got no answer again, with the same keys.
        using (var http = CrowdSetup.Http(second.BaseAddress))
        {
            var crowd = new IssuerCrowd(http, CrowdSetup.Unit, [], [], instructors.Count);
            foreach (var attempt in unanswered)
            {
                var retry = await crowd.SendAsync(attempt, cancellationToken);
                run.Observations.Add(retry);
                run.Answered[attempt.Key] = retry;
                if (committedUnanswered.TryGetValue(attempt.Key, out var stored))
                {
                    // Committed in full before the kill, so the retry is the replay of that very assessment.
                    Assert.That(retry.Result?.AssessmentId, Is.EqualTo(stored), $"the retry of {attempt.Key}, committed before the kill: {retry.Status} {retry.Body}");
                }
            }

            await using var connection = await CrowdSetup.OpenFileAsync(_dataFolder);
            Assert.That(run.BadAnswers(connectionFailuresExpected: true), Is.Empty, "answers");
            Assert.That(unanswered.Select(a => run.Answered[a.Key].Status), Has.All.Not.Null.And.All.Not.EqualTo(503), "every retry after the restart is answered");
            Assert.That(await run.ProblemsAgainstAsync(connection), Is.Empty, "all answers against the database");
            Assert.That(await IssuanceConsistency.ProblemsAsync(connection), Is.Empty, "the database after the retries");

            var revoked = (await connection.QueryAsync<string>("SELECT 'urn:uuid:' || id FROM assertions WHERE revoked_at IS NOT NULL")).Order(StringComparer.Ordinal);
            var published = JsonDocument.Parse(await http.GetStringAsync("/ob/revocations", cancellationToken)).RootElement
                .GetProperty("revokedAssertions").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).Where(id => id != ObDocuments.NoAssertion).Order(StringComparer.Ordinal);
            Assert.That(published, Is.EqualTo(revoked), "the revocation list is exactly the revoked rows");
            Assert.That(revokedWithOk.Select(id => "urn:uuid:" + id), Is.SubsetOf(published), "every revocation answered 200 is on the public list");
            Assert.That(revoked, Is.Not.Empty);
        }
    }

    /// <summary>An instructor revoking badges the crowd was given, one after the other, until stopped.</summary>
    private static async Task RevokeAsync(HttpClient http, CrowdRun run, string instructor, ConcurrentBag<(string AssertionId, int Status)> answers, CancellationToken stop)
    {
        var token = TestTokens.Create(instructor, [Roles.Instructor]);
        var random = new Random(7);
        while (!stop.IsCancellationRequested)
        {
            var issued = run.Observations.Select(o => o.Result?.Badge?.AssertionId).OfType<string>().Distinct().ToList();
            if (issued.Count == 0)
            {
                await Task.Delay(5, CancellationToken.None);
                continue;
            }

            var assertionId = issued[random.Next(issued.Count)];
            using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/assertions/{assertionId}/revoke")
            {
                Content = JsonContent.Create(new RevokeRequest("Kuormatesti peruu")),
            };
            message.Headers.Authorization = new("Bearer", token);
            try
            {
                using var response = await http.SendAsync(message, stop);
                answers.Add((assertionId, (int)response.StatusCode));
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                answers.Add((assertionId, 0));
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(90));
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }
}
