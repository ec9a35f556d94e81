using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Osaamismerkit.Issuing;
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
        var revocations = new ConcurrentBag<int>();

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
            var issuing = crowd.RunAsync(run, issuers: 16, TimeSpan.FromMinutes(2), seed: 9, stop.Token);
            var revoking = RevokeAsync(http, run, instructors[1], revocations, stop.Token);

            // Killed in full flight: once enough badges were issued and revoked that both are surely under way.
            await WaitUntilAsync(() => run.Observations.Count(o => o.Result?.Badge is not null) >= 40 && revocations.Count(s => s == 200) >= 5, cancellationToken);
            await first.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(issuing, revoking);
        }

        var unanswered = run.Attempts.Where(a => !run.Answered.ContainsKey(a.Key)).ToList();
        TestContext.Out.WriteLine($"Before the kill: {run.Summary()}; {revocations.Count} revocations; {unanswered.Count} keys without an answer");
        Assert.That(run.BadAnswers(connectionFailuresExpected: true), Is.Empty, "answers before the kill");
        Assert.That(revocations.Where(s => s is not (200 or 409 or 404) and not 0), Is.Empty, "revocation answers before the kill");

        await using var second = await ServiceProcess.StartAsync(_dataFolder);
        await using (var connection = await CrowdSetup.OpenFileAsync(_dataFolder))
        {
            var keys = unanswered.Select(a => a.Key).ToArray();
            var committedUnanswered = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM assessments WHERE idempotency_key IN @Keys", new { Keys = keys });
            TestContext.Out.WriteLine($"After the restart: {committedUnanswered} of the unanswered keys had been committed before the kill");
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
            }

            await using var connection = await CrowdSetup.OpenFileAsync(_dataFolder);
            Assert.That(run.BadAnswers(connectionFailuresExpected: true), Is.Empty, "answers");
            Assert.That(unanswered.Select(a => run.Answered[a.Key].Status), Has.All.Not.Null.And.All.Not.EqualTo(503), "every retry after the restart is answered");
            Assert.That(await run.ProblemsAgainstAsync(connection), Is.Empty, "all answers against the database");
            Assert.That(await IssuanceConsistency.ProblemsAsync(connection), Is.Empty, "the database after the retries");

            var revoked = (await connection.QueryAsync<string>("SELECT 'urn:uuid:' || id FROM assertions WHERE revoked_at IS NOT NULL")).Order(StringComparer.Ordinal);
            var published = JsonDocument.Parse(await http.GetStringAsync("/ob/revocations", cancellationToken)).RootElement
                .GetProperty("revokedAssertions").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).Order(StringComparer.Ordinal);
            Assert.That(published, Is.EqualTo(revoked), "the revocation list is exactly the revoked rows");
            Assert.That(revoked, Is.Not.Empty);
        }
    }

    /// <summary>An instructor revoking badges the crowd was given, one after the other, until stopped.</summary>
    private static async Task RevokeAsync(HttpClient http, CrowdRun run, string instructor, ConcurrentBag<int> statuses, CancellationToken stop)
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

            using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/assertions/{issued[random.Next(issued.Count)]}/revoke")
            {
                Content = JsonContent.Create(new RevokeRequest("Kuormatesti peruu")),
            };
            message.Headers.Authorization = new("Bearer", token);
            try
            {
                using var response = await http.SendAsync(message, stop);
                statuses.Add((int)response.StatusCode);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                statuses.Add(0);
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
