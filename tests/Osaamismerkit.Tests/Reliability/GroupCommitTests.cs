using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reliability;

/// <summary>
/// SQLite's group commit on the service's own database file: units queued while the write turn is held are committed
/// together, and what one unit does (a refusal, an error, a failed COMMIT, SQLite rolling everything back) reaches the
/// others only as the rules say. The service's issuing path over it is covered by the load and kill tests, which run
/// with grouping on, the default.
/// </summary>
public sealed class GroupCommitTests
{
    private TestApp _app = null!;
    private GroupCommit _commits = null!;
    private Database _database = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        _commits = _app.Service<GroupCommit>();
        _database = _app.Service<Database>();
        await using var connection = await _database.OpenAsync();
        await connection.ExecuteAsync("""
            CREATE TABLE gc_parent (id TEXT PRIMARY KEY);
            CREATE TABLE gc_child (id TEXT PRIMARY KEY, parent TEXT NOT NULL REFERENCES gc_parent (id));
            """);
    }

    [TearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public void Grouping_is_on_by_default_for_sqlite() => Assert.That(_commits.Grouped, Is.True);

    [Test]
    [CancelAfter(30_000)]
    public async Task A_refusal_and_an_error_in_a_batch_answer_their_own_unit_and_the_others_commit(CancellationToken cancellationToken)
    {
        var transactions = new List<DbTransaction>();
        var (a, refused, failed, d) = await InOneBatchAsync(
            () => _commits.RunAsync((t, _) => InsertAsync(t, "a", transactions), kept => kept, cancellationToken),
            () => _commits.RunAsync((t, _) => InsertAsync(t, "b", transactions, keep: false), kept => kept, cancellationToken),
            // A duplicate key: SQLite refuses the statement and keeps the transaction.
            () => _commits.RunAsync(async (t, _) => await InsertAsync(t, "c", transactions) && await InsertAsync(t, "a", transactions), kept => kept, cancellationToken),
            () => _commits.RunAsync((t, _) => InsertAsync(t, "d", transactions), kept => kept, cancellationToken));

        Assert.That(transactions.Distinct().Count(), Is.EqualTo(1), "the four units ran in one transaction");
        Assert.That(await a, Is.True);
        Assert.That(await refused, Is.False, "the refusing unit gets its own result");
        var error = Assert.ThrowsAsync<SqliteException>(async () => await failed);
        Assert.That(Database.IsUniqueViolation(error!), Is.True);
        Assert.That(await d, Is.True);
        Assert.That(await ParentsAsync(), Is.EqualTo(new[] { "a", "d" }), "b refused and c failed: neither their rows nor c's first insert were kept");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_commit_that_fails_fails_every_unit_of_its_batch_and_keeps_nothing(CancellationToken cancellationToken)
    {
        var transactions = new List<DbTransaction>();
        var (a, orphan, c, d) = await InOneBatchAsync(
            () => _commits.RunAsync((t, _) => InsertAsync(t, "a", transactions), kept => kept, cancellationToken),
            // A foreign key checked only at COMMIT: the statement succeeds, the COMMIT of the whole batch is refused.
            () => _commits.RunAsync(
                async (t, _) =>
                {
                    transactions.Add(t);
                    await t.Connection!.ExecuteAsync("PRAGMA defer_foreign_keys = ON; INSERT INTO gc_child (id, parent) VALUES ('x', 'nobody')", transaction: t);
                    return true;
                },
                kept => kept,
                cancellationToken),
            () => _commits.RunAsync((t, _) => InsertAsync(t, "c", transactions), kept => kept, cancellationToken),
            () => _commits.RunAsync((t, _) => InsertAsync(t, "d", transactions, keep: false), kept => kept, cancellationToken));

        Assert.That(transactions.Distinct().Count(), Is.EqualTo(1), "one transaction");
        foreach (var unit in new[] { a, orphan, c, d })
        {
            Assert.ThrowsAsync<SqliteException>(async () => await unit, "no unit is told its write was kept");
        }

        Assert.That(await ParentsAsync(), Is.Empty, "nothing of the batch was committed");
        Assert.That(await _commits.RunAsync((t, _) => InsertAsync(t, "later", []), kept => kept, cancellationToken), Is.True, "the writer goes on");
        Assert.That(await ParentsAsync(), Is.EqualTo(new[] { "later" }));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task When_sqlite_rolls_the_whole_transaction_back_the_units_before_fail_and_the_ones_after_run_again(CancellationToken cancellationToken)
    {
        var transactions = new List<DbTransaction>();
        var (a, b, c, d) = await InOneBatchAsync(
            () => _commits.RunAsync((t, _) => InsertAsync(t, "a", transactions), kept => kept, cancellationToken),
            // What SQLite does on some I/O errors and a full disk: the statement fails and the transaction is gone.
            () => _commits.RunAsync<bool>(
                async (t, _) =>
                {
                    transactions.Add(t);
                    await t.Connection!.ExecuteAsync("ROLLBACK", transaction: t);
                    throw new SqliteException("disk I/O error", 10);
                },
                kept => kept,
                cancellationToken),
            () => _commits.RunAsync((t, _) => InsertAsync(t, "c", transactions), kept => kept, cancellationToken),
            () => _commits.RunAsync((t, _) => InsertAsync(t, "d", transactions), kept => kept, cancellationToken));

        Assert.ThrowsAsync<SqliteException>(async () => await a, "a's write went with the rollback: it must not be told otherwise");
        Assert.ThrowsAsync<SqliteException>(async () => await b);
        Assert.That(await c, Is.True);
        Assert.That(await d, Is.True);
        Assert.That(transactions.Distinct().Count(), Is.EqualTo(2), "c and d ran again in a new transaction");
        Assert.That(await ParentsAsync(), Is.EqualTo(new[] { "c", "d" }));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_caller_that_stops_waiting_while_queued_is_dropped_unrun(CancellationToken cancellationToken)
    {
        Task<bool> first;
        Task<bool> dropped;
        var ran = false;
        using var caller = new CancellationTokenSource();
        using (await _database.WaitForWriteTurnAsync(cancellationToken))
        {
            first = _commits.RunAsync((t, _) => InsertAsync(t, "first", []), kept => kept, cancellationToken);
            await WaitUntilAsync(() => _commits.Queued == 0, cancellationToken);
            dropped = _commits.RunAsync(
                (t, _) =>
                {
                    ran = true;
                    return InsertAsync(t, "dropped", []);
                },
                kept => kept,
                caller.Token);
            await WaitUntilAsync(() => _commits.Queued == 1, cancellationToken);
            await caller.CancelAsync();
            // Still inside the held turn: only the cancellation can end this wait.
            Assert.That(async () => await dropped, Throws.InstanceOf<OperationCanceledException>(), "the caller's wait ends while the batch before it waits");
        }

        Assert.That(await first, Is.True);
        Assert.That(await _commits.RunAsync((t, _) => InsertAsync(t, "after", []), kept => kept, cancellationToken), Is.True);
        Assert.That(ran, Is.False, "the dropped unit never ran");
        Assert.That(await ParentsAsync(), Is.EqualTo(new[] { "after", "first" }));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_unit_runs_in_its_callers_context_so_a_refusal_is_in_the_callers_language(CancellationToken cancellationToken)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            // The request's language is the current UI culture (request localization), which is what the texts of a refusal read.
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-FI");
            var seen = await _commits.RunAsync((_, _) => Task.FromResult(CultureInfo.CurrentUICulture.Name), _ => false, cancellationToken);
            Assert.That(seen, Is.EqualTo("sv-FI"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>
    /// Holds the write turn while a first unit takes the writer and the four given ones queue behind it, then lets go:
    /// the four are then one batch (the writer takes all that is queued, up to the bound).
    /// </summary>
    private async Task<(Task<bool>, Task<bool>, Task<bool>, Task<bool>)> InOneBatchAsync(
        Func<Task<bool>> a, Func<Task<bool>> b, Func<Task<bool>> c, Func<Task<bool>> d)
    {
        Task<bool> first;
        (Task<bool>, Task<bool>, Task<bool>, Task<bool>) queued;
        using (await _database.WaitForWriteTurnAsync())
        {
            first = _commits.RunAsync((t, _) => Task.FromResult(true), kept => kept, CancellationToken.None);
            await WaitUntilAsync(() => _commits.Queued == 0, CancellationToken.None);
            queued = (a(), b(), c(), d());
            await WaitUntilAsync(() => _commits.Queued == 4, CancellationToken.None);
        }

        await first;
        await Task.WhenAll(Settled(queued.Item1), Settled(queued.Item2), Settled(queued.Item3), Settled(queued.Item4));
        return queued;
    }

    private static async Task Settled(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // Settled either way; each test asserts which.
        }
    }

    private static async Task<bool> InsertAsync(DbTransaction transaction, string id, List<DbTransaction> seen, bool keep = true)
    {
        lock (seen)
        {
            seen.Add(transaction);
        }

        await transaction.Connection!.ExecuteAsync("INSERT INTO gc_parent (id) VALUES (@Id)", new { Id = id }, transaction);
        return keep;
    }

    private async Task<string[]> ParentsAsync()
    {
        await using var connection = await _database.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT id FROM gc_parent ORDER BY id")).ToArray();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(1, cancellationToken);
        }
    }
}
