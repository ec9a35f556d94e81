using System.Data.Common;
using Microsoft.Extensions.Options;

namespace Osaamismerkit.Infrastructure.Database;

/// <summary>
/// Copies SQLite's WAL into the database file in the background, so that requests do not. SQLite's automatic
/// checkpoint runs inside the COMMIT that crosses its threshold — about half of an issuance's time under the write lock
/// (docs/performance.md) — and, being passive, never lets the WAL start over while readers keep overlapping. Every
/// <see cref="DatabaseOptions.WalCheckpointMilliseconds"/> this runs a passive checkpoint, which waits for nobody; when
/// the WAL has reached <see cref="DatabaseOptions.WalLimitPages"/> it takes a write turn and runs a RESTART checkpoint,
/// which waits (briefly: see CheckpointAsync) for the readers of old pages to finish so that the next commit writes the WAL from
/// its start. SQL Server has no WAL: nothing to do.
/// </summary>
public sealed partial class WalCheckpointer(Database database, IOptions<DatabaseOptions> options, ILogger<WalCheckpointer> logger) : BackgroundService
{
    // SQLite's default page size; journal_size_limit is in bytes.
    private const int PageBytes = 4096;

    // How long a RESTART waits for readers and writers before this round gives up on starting the WAL over.
    private const int RestartWaitMilliseconds = 200;

    // After a RESTART that could not finish, the next waits this long: waiting holds the checkpoint lock, which SQLite's
    // own checkpoint needs, so a writer that keeps winning must not meet a waiting RESTART most of the time.
    private static readonly TimeSpan RestartBackOff = TimeSpan.FromSeconds(1);

    private long _restartNotBefore;

    private TaskCompletionSource _nextRound = NewRound();

    /// <summary>SQLite's own checkpoint: far enough above the limit that it only runs if this service falls behind.</summary>
    public static int AutomaticCheckpointPages(DatabaseOptions o) => checked(o.WalLimitPages * 4);

    /// <summary>A WAL that grew past the limit is cut back to it when it starts over, so the disk is given back.</summary>
    public static long JournalSizeLimitBytes(DatabaseOptions o) => (long)o.WalLimitPages * PageBytes;

    /// <summary>Completes when a round that starts after this call has finished (the tests wait on it instead of sleeping).</summary>
    internal Task NextRoundAsync() => Volatile.Read(ref _nextRound).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        await Task.Yield();
        var o = options.Value;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(o.WalCheckpointMilliseconds));
        try
        {
            do
            {
                var round = Interlocked.Exchange(ref _nextRound, NewRound());
                try
                {
                    await CheckpointAsync(o, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Whatever the store does (read-only, full, gone), the service must not stop over a checkpoint: SQLite's
                    // automatic one is still there as a backstop, and the next round tries again.
                    LogFailed(e.Message);
                }
                finally
                {
                    round.TrySetResult();
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckpointAsync(DatabaseOptions o, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var passive = await RunAsync(connection, "PRAGMA wal_checkpoint(PASSIVE)", cancellationToken);
        if (passive.LogPages < o.WalLimitPages || Environment.TickCount64 < Volatile.Read(ref _restartNotBefore))
        {
            return;
        }

        // RESTART blocks new writers while it waits for readers; this process's writers wait in the write queue instead,
        // without a blocked thread. Its wait is kept short: while it waits it holds the checkpoint lock, and a writer
        // outside the write queue (a seeding loop, another process) that commits back to back would win every retry of
        // SQLite's busy handler, so a long wait only kept SQLite's own checkpoint out while that writer grew the WAL
        // (seen: 9 GB while the reports bench seeded a million rows). Failing fast leaves the automatic checkpoint free
        // to bound the WAL at AutomaticCheckpointPages, and the next round tries again.
        using var turn = await database.WaitForWriteTurnAsync(cancellationToken);
        Result restart;
        await SetBusyTimeoutAsync(connection, RestartWaitMilliseconds, cancellationToken);
        try
        {
            restart = await RunAsync(connection, "PRAGMA wal_checkpoint(RESTART)", cancellationToken);
        }
        finally
        {
            await SetBusyTimeoutAsync(connection, o.BusyTimeoutSeconds * 1000, CancellationToken.None);
        }

        if (!restart.Busy)
        {
            return;
        }

        Volatile.Write(ref _restartNotBefore, Environment.TickCount64 + (long)RestartBackOff.TotalMilliseconds);
        // Not starting over once is normal under steady writing; a WAL past SQLite's own threshold is not.
        if (restart.LogPages >= AutomaticCheckpointPages(o))
        {
            LogStillLong(restart.LogPages, o.WalLimitPages);
        }
    }

    private static async Task SetBusyTimeoutAsync(DbConnection connection, int milliseconds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {milliseconds}");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<Result> RunAsync(DbConnection connection, string pragma, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Result(reader.GetInt64(0) != 0, reader.GetInt64(1))
            : new Result(false, -1);
    }

    private static TaskCompletionSource NewRound() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The background WAL checkpoint failed; SQLite's automatic checkpoint remains, and the next round tries again: {Reason}")]
    private partial void LogFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The WAL holds {Pages} pages (limit {Limit}) and could not start over: readers or another writer held it throughout")]
    private partial void LogStillLong(long pages, int limit);

    /// <param name="Busy">The checkpoint could not finish: a reader or writer held it.</param>
    /// <param name="LogPages">Frames in the WAL; -1 when the database is not in WAL mode.</param>
    private readonly record struct Result(bool Busy, long LogPages);
}
