using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Tests.Infrastructure;

/// <summary>
/// The background checkpoint keeps SQLite's WAL bounded under a stream of writes while readers always overlap — the case
/// in which a passive checkpoint (SQLite's automatic one included) can never let the WAL start over.
/// </summary>
public sealed class WalCheckpointTests
{
    private const int LimitPages = 100;
    private const int Writes = 1500;
    private const int WritesPerRound = 20;

    // Frames are a page and a 24-byte header; the WAL file has a 32-byte header of its own.
    private const long BoundBytes = (3 * LimitPages * (4096 + 24)) + 32;

    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("osaamismerkit-wal-").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Under_a_stream_of_writes_and_overlapping_readers_the_WAL_stays_within_a_few_times_its_limit(CancellationToken cancellationToken)
    {
        // After each few writes, one whole checkpoint round that started after them: the test waits on the checkpointer,
        // not on a clock.
        var largest = await LargestWalAsync(
            checkpointMilliseconds: 10,
            (database, checkpointer) => WriteAsync(database, () => checkpointer.NextRoundAsync().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken), cancellationToken),
            cancellationToken);

        await TestContext.Out.WriteLineAsync($"largest WAL {largest} B, bound {BoundBytes} B");
        Assert.That(largest, Is.LessThanOrEqualTo(BoundBytes), $"largest WAL {largest} B, bound {BoundBytes} B");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Without_the_background_checkpoint_the_same_stream_grows_the_WAL_past_that_bound(CancellationToken cancellationToken)
    {
        // Its first round runs at start, the next a minute later: for this test, SQLite's automatic checkpoint alone.
        var largest = await LargestWalAsync(
            checkpointMilliseconds: 60_000, (database, _) => WriteAsync(database, () => Task.CompletedTask, cancellationToken), cancellationToken);

        await TestContext.Out.WriteLineAsync($"largest WAL {largest} B, bound {BoundBytes} B");
        Assert.That(largest, Is.GreaterThan(BoundBytes), $"largest WAL {largest} B, bound {BoundBytes} B");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_writer_outside_the_write_turn_committing_back_to_back_does_not_grow_the_WAL_past_sqlites_own_bound(CancellationToken cancellationToken)
    {
        // A seeding loop or another process: it never waits in this process's write queue, so the checkpointer's RESTART
        // cannot keep it out, and must not keep SQLite's own checkpoint out either (a 9 GB WAL in the reports bench).
        var largest = await LargestWalAsync(
            new DatabaseOptions().WalCheckpointMilliseconds, (database, _) => WriteBackToBackAsync(database, cancellationToken), cancellationToken);

        // SQLite's automatic checkpoint runs at 4 x the limit; a few hundred pages of slack for the commits that land
        // while the checkpointer holds the checkpoint lock for a round.
        const long bound = (12 * LimitPages * (4096 + 24)) + 32;
        await TestContext.Out.WriteLineAsync($"largest WAL {largest} B, bound {bound} B");
        Assert.That(largest, Is.LessThanOrEqualTo(bound), $"largest WAL {largest} B, bound {bound} B");
    }

    /// <summary>Runs the writes against a fresh database with the checkpointer at the given interval; returns the largest WAL seen.</summary>
    private async Task<long> LargestWalAsync(
        int checkpointMilliseconds, Func<Database, WalCheckpointer, Task<long>> writes, CancellationToken cancellationToken)
    {
        var options = Options.Create(new DatabaseOptions { DataFolder = _folder, WalCheckpointMilliseconds = checkpointMilliseconds, WalLimitPages = LimitPages });
        var database = new Database(options, new HostingEnvironment { ContentRootPath = _folder }, new SqlServerAccessTokens(options));
        var checkpointer = new WalCheckpointer(database, options, NullLogger<WalCheckpointer>.Instance);
        await checkpointer.StartAsync(cancellationToken);
        try
        {
            return await writes(database, checkpointer);
        }
        finally
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>One connection committing a page-sized row at a time, outside the write turn, with no pause; returns the largest WAL file seen.</summary>
    private static async Task<long> WriteBackToBackAsync(Database database, CancellationToken cancellationToken)
    {
        await using (var setUp = await database.OpenAsync(cancellationToken))
        {
            await setUp.ExecuteAsync("CREATE TABLE stream (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
        }

        var wal = database.SqliteFile + "-wal";
        var body = new byte[3000];
        long largest = 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        for (var i = 0; i < 20_000; i++)
        {
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                await connection.ExecuteAsync("INSERT INTO stream (body) VALUES (@body)", new { body }, transaction);
                await transaction.CommitAsync(cancellationToken);
            }

            largest = Math.Max(largest, new FileInfo(wal).Length);
        }

        return largest;
    }

    /// <summary>Writes one page-sized row per transaction, as issuing does (write turn, then BEGIN IMMEDIATE), while two readers take turns so that one always holds a snapshot; returns the largest WAL file seen.</summary>
    private static async Task<long> WriteAsync(Database database, Func<Task> afterRound, CancellationToken cancellationToken)
    {
        await using (var setUp = await database.OpenAsync(cancellationToken))
        {
            await setUp.ExecuteAsync("CREATE TABLE stream (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
        }

        var wal = database.SqliteFile + "-wal";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = Task.Run(() => OverlappingReadersAsync(database, stop.Token), CancellationToken.None);
        var body = new byte[3000];
        long largest = 0;
        try
        {
            for (var i = 0; i < Writes; i++)
            {
                using (await database.WaitForWriteTurnAsync(cancellationToken))
                {
                    await using var connection = await database.OpenAsync(cancellationToken);
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    await connection.ExecuteAsync("INSERT INTO stream (body) VALUES (@body)", new { body }, transaction);
                    await transaction.CommitAsync(cancellationToken);
                }

                largest = Math.Max(largest, new FileInfo(wal).Length);
                if (i % WritesPerRound == WritesPerRound - 1)
                {
                    await afterRound();
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await readers;
        }

        return largest;
    }

    private static async Task OverlappingReadersAsync(Database database, CancellationToken stop)
    {
        var held = await BeginReadAsync(database);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var next = await BeginReadAsync(database);
                await EndReadAsync(held);
                held = next;
            }
        }
        finally
        {
            await EndReadAsync(held);
        }
    }

    private static async Task<(System.Data.Common.DbConnection, System.Data.Common.DbTransaction)> BeginReadAsync(Database database)
    {
        var connection = await database.OpenAsync();
        var transaction = ((SqliteConnection)connection).BeginTransaction(deferred: true);
        await connection.ExecuteScalarAsync<long?>("SELECT MAX(id) FROM stream", transaction: transaction);
        return (connection, transaction);
    }

    private static async Task EndReadAsync((System.Data.Common.DbConnection Connection, System.Data.Common.DbTransaction Transaction) read)
    {
        await read.Transaction.CommitAsync();
        await read.Transaction.DisposeAsync();
        await read.Connection.DisposeAsync();
    }
}
