using System.Diagnostics;
using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reliability;

/// <summary>
/// Another process holding SQLite's write lock (a stuck tool, a careless sqlite3 shell): writes wait a bounded time and
/// then answer 503 with Retry-After, reads go on, and the same request succeeds once the lock is let go.
/// </summary>
[Category("Fault")]
public sealed class DatabaseLockTests : IssuingTestBase
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Database:BusyTimeoutSeconds"] = "1" };

    [Test]
    [CancelAfter(60_000)]
    public async Task A_write_lock_held_elsewhere_gives_503_with_retry_after_reads_go_on_and_the_same_request_succeeds_after(CancellationToken cancellationToken)
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "lukko@example.fi");
        var earlier = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;
        var second = Scenario.Catalogue.Badges.First(b => b.Kind == BadgeKind.Skill && b.Level == 2 && b.Id != BasicBadge.Id);
        var request = Scenario.Passing(second, client.Id, Unit);

        var other = await HoldWriteLockAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        using var locked = await Scenario.AssessAsync(Instructor, request, "lukittu-1");
        var waited = clock.Elapsed;
        using var read = await Anonymous.GetAsync($"/api/verify/{earlier.AssertionId}", cancellationToken);

        Assert.That(locked.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(waited, Is.LessThan(TimeSpan.FromSeconds(8)), "bounded by Database:BusyTimeoutSeconds, not the old 30 s");
        Assert.That(locked.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
        await ProblemResponses.AssertAsync(locked, "DatabaseUnavailableTitle");
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), "reads are not blocked by a writer (WAL)");

        await other.ExecuteAsync("ROLLBACK");
        await other.DisposeAsync();

        using var after = await Scenario.AssessAsync(Instructor, request, "lukittu-1");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await Scenario.CountAsync("assessments", "idempotency_key = 'lukittu-1'"), Is.EqualTo(1));
        await using var connection = await App.Service<Database>().OpenAsync(cancellationToken);
        Assert.That(await IssuanceConsistency.ProblemsAsync(connection), Is.Empty);
    }

    private async Task<SqliteConnection> HoldWriteLockAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenFileAsync(cancellationToken);
        await connection.ExecuteAsync("BEGIN IMMEDIATE");
        return connection;
    }

    private async Task<SqliteConnection> OpenFileAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(App.Database.DataFolder, "osaamismerkit.db"),
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
