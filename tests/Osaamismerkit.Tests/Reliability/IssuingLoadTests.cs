using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reliability;

/// <summary>
/// Many instructors issuing at once against the real server (Kestrel on 127.0.0.1) on each provider, with retries of the
/// same Idempotency-Key: afterwards the database is read row by row against every answer given.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.AvailableProviders))]
[NonParallelizable]
[Category("Load")]
public sealed class IssuingLoadTests(DatabaseProvider provider)
{
    [Test]
    [CancelAfter(300_000)]
    public async Task Concurrent_issuers_retrying_their_keys_lose_nothing_issue_nothing_twice_and_never_get_a_500(CancellationToken cancellationToken)
    {
        var profile = LoadProfile.FromEnvironment();
        await using var app = await KestrelTestApp.StartAsync(DevIdentityProvider.FreePort(), new Dictionary<string, string?>(), provider: provider);
        var instructors = IssuerCrowd.InstructorSubjects(10);
        await using (var setup = await app.Services.GetRequiredService<Database>().OpenAsync(cancellationToken))
        {
            await CrowdSetup.UnitAsync(setup, instructors);
        }

        using var http = CrowdSetup.Http(app.BaseAddress);
        var clients = await CrowdSetup.ClientsAsync(http, instructors[0], count: profile.Issuers * 5, cancellationToken);
        var crowd = new IssuerCrowd(http, CrowdSetup.Unit, clients, CrowdSetup.SkillBadges(), instructors.Count);

        var run = new CrowdRun();
        using var batches = new GroupCommitBatches();
        await crowd.RunAsync(run, profile.Issuers, profile.Duration, seed: 20261123, cancellationToken);

        TestContext.Out.WriteLine($"{profile.Issuers} issuers for {profile.Duration.TotalSeconds:0} s: {run.Summary()}; {batches}");
        // Grouping is on by default: the checks below hold with issuances committed together, not only one at a time.
        Assert.That(batches.Largest, Is.GreaterThan(1), "issuances were committed together");
        await using var connection = await app.Services.GetRequiredService<Database>().OpenAsync(cancellationToken);
        Assert.That(run.BadAnswers(), Is.Empty, "answers");
        Assert.That(run.Answered, Has.Count.EqualTo(run.Attempts.Count), "every key got a final answer");
        Assert.That(await run.ProblemsAgainstAsync(connection), Is.Empty, "answers against the database");
        Assert.That(await IssuanceConsistency.ProblemsAsync(connection), Is.Empty, "database consistency");
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM assertions"), Is.GreaterThan(profile.Issuers), "the run issued badges");
    }
}
