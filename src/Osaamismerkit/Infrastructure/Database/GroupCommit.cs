using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Osaamismerkit.Infrastructure.Database;

/// <summary>
/// Runs a unit of write work in a transaction and answers only after it is committed. On SQLite with
/// <see cref="DatabaseOptions.GroupCommit"/>, one writer takes the units queued meanwhile and commits them together: each
/// in its own savepoint, so a unit that refuses (returns a result it does not keep) or fails is rolled back alone, and
/// one COMMIT (SQLite's WAL append, its one costly step) is paid per batch instead of per request. Every answer in a
/// batch, kept, refused or failed, waits for that batch's COMMIT: a caller that meets a unique violation and looks for
/// the row that won then finds it committed, and no one is told of a write that a failed COMMIT then undid.
/// Elsewhere (SQL Server, which locks rows and commits in parallel, or with grouping off) each unit is its own
/// transaction, in this process's write turn on SQLite.
/// </summary>
public sealed class GroupCommit : IAsyncDisposable, IDisposable
{
    public const string MeterName = "Osaamismerkit.Database";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "osaamismerkit.group_commit.batch_size", "{unit}", "Units of write work committed together in one SQLite transaction.");

    private readonly Database _database;
    private readonly int _maxUnits;
    private readonly Channel<Unit> _queue;
    private readonly Lock _starting = new();
    private Task? _writer;

    // The writer's own connection, kept open between batches. SQLite drops a connection's page cache when another
    // connection has written since its last transaction; a pooled connection taken at random almost always finds it
    // stale and reads its pages again (one pread each, a fifth of an issuance's CPU). Kept by the one writer of issuances,
    // the cache stays valid. Opened again after any failure, so a broken handle is not kept.
    private DbConnection? _connection;

    public GroupCommit(Database database, IOptions<DatabaseOptions> options)
    {
        _database = database;
        var o = options.Value;
        Grouped = o.GroupCommit && database.Provider == DatabaseProvider.Sqlite;
        _maxUnits = o.GroupCommitMaxUnits;
        // Not SingleReader, though it has one: only the multi-reader queue can count what waits (Queued).
        _queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = false });
    }

    /// <summary>True when units are queued for the one writer (SQLite with grouping on).</summary>
    public bool Grouped { get; }

    /// <summary>Units waiting for the writer (not those of the batch it is committing).</summary>
    internal int Queued => _queue.Reader.Count;

    /// <summary>
    /// Runs <paramref name="work"/> inside a transaction and commits what it wrote when <paramref name="keep"/> says its
    /// result is to be kept; otherwise its writes are rolled back. The work gets the transaction and a token it must pass
    /// on: in a batch that is not the caller's, because an interrupted statement could roll back the other units with it.
    /// The caller's token ends the wait only while the unit is still queued.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<DbTransaction, CancellationToken, Task<T>> work, Func<T, bool> keep, CancellationToken cancellationToken)
    {
        if (!Grouped)
        {
            return await RunAloneAsync(work, keep, cancellationToken);
        }

        var unit = new Unit<T>(work, keep, ExecutionContext.Capture(), DateTimeOffset.UtcNow + _database.WriteTurnTimeout);
        await using var cancelWhileQueued = cancellationToken.Register(static u => ((Unit)u!).CancelIfQueued(), unit);
        EnsureWriter();
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(unit), this);

        return await unit.Completion;
    }

    private async Task<T> RunAloneAsync<T>(Func<DbTransaction, CancellationToken, Task<T>> work, Func<T, bool> keep, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        using var turn = await _database.WaitForWriteTurnAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(transaction, cancellationToken);
        if (keep(result))
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    private void EnsureWriter()
    {
        if (_writer is not null)
        {
            return;
        }

        lock (_starting)
        {
            // Started on first use, not at start-up: a process that never issues (a command, a migration) has no writer.
            _writer ??= Task.Run(WriteAsync);
        }
    }

    private async Task WriteAsync()
    {
        var batch = new List<Unit>(_maxUnits);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxUnits && _queue.Reader.TryRead(out var unit))
            {
                if (unit.Start())
                {
                    batch.Add(unit);
                }
            }

            if (batch.Count > 0)
            {
                await CommitBatchAsync(batch);
            }
        }

        await CloseAsync();
    }

    private async Task CloseAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    /// <summary>One transaction for the batch; never throws: every unit ends with its answer or its own failure.</summary>
    private async Task CommitBatchAsync(List<Unit> batch)
    {
        // A unit that waited longer than a writer may wait for its turn gets the busy answer (503 with Retry-After), as it
        // would have from the write turn itself.
        var now = DateTimeOffset.UtcNow;
        foreach (var late in batch.Where(u => u.Deadline < now))
        {
            late.Fail(new DatabaseBusyException($"No turn to write to the database within {_database.WriteTurnTimeout.TotalSeconds:F1} s."));
            late.Answer();
        }

        batch.RemoveAll(u => u.Deadline < now);
        if (batch.Count == 0)
        {
            return;
        }

        var rerun = new List<Unit>();
        var ended = false;
        try
        {
            var connection = _connection ??= await _database.OpenAsync(CancellationToken.None);
            using var turn = await _database.WaitForWriteTurnAsync(CancellationToken.None);
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                var savepoint = "unit" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await transaction.SaveAsync(savepoint);
                var kept = false;
                try
                {
                    kept = await batch[i].RunAsync(transaction);
                }
                catch (Exception e) when (TransactionEnded(connection))
                {
                    // SQLite may roll a whole transaction back on an error (a full disk, an I/O error): the units before
                    // this one lost their writes with it and are told so; the ones after it run again in a new batch.
                    foreach (var lost in batch.Take(i + 1))
                    {
                        lost.Fail(e);
                        lost.Answer();
                    }

                    rerun.AddRange(batch.Skip(i + 1));
                    ended = true;
                    break;
                }
                catch (Exception e)
                {
                    batch[i].Fail(e);
                }

                if (!kept)
                {
                    await transaction.RollbackAsync(savepoint);
                }

                await transaction.ReleaseAsync(savepoint);
            }

            if (!ended)
            {
                await transaction.CommitAsync(CancellationToken.None);
                BatchSize.Record(batch.Count);
            }
        }
        catch (Exception e)
        {
            // Opening, BEGIN, a savepoint or COMMIT failed: nothing of the batch was committed.
            await CloseAsync();
            foreach (var unit in batch)
            {
                unit.Fail(e);
                unit.Answer();
            }

            return;
        }

        if (ended)
        {
            await CloseAsync();
            if (rerun.Count > 0)
            {
                await CommitBatchAsync(rerun);
            }

            return;
        }

        foreach (var unit in batch)
        {
            unit.Answer();
        }
    }

    private static bool TransactionEnded(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0;

    /// <summary>Stops taking units; the writer finishes what is queued.</summary>
    public void Dispose() => _queue.Writer.TryComplete();

    /// <summary>Lets the queued units finish and then stops the writer; later units are refused.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is { } writer)
        {
            await writer;
        }
    }

    private abstract class Unit
    {
        private const int Queued = 0;
        private const int Started = 1;
        private const int Cancelled = 2;

        private int _state;

        protected Unit(DateTimeOffset deadline) => Deadline = deadline;

        public DateTimeOffset Deadline { get; }

        protected Exception? Failure { get; private set; }

        /// <summary>False when the caller stopped waiting while the unit was queued: it is dropped unrun.</summary>
        public bool Start() => Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;

        public void CancelIfQueued()
        {
            if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
            {
                Cancel();
            }
        }

        /// <summary>Runs the work in the batch's transaction; true when its writes are to be kept.</summary>
        public abstract Task<bool> RunAsync(DbTransaction transaction);

        /// <summary>The unit's failure, sent with the batch's answers; the first one stands.</summary>
        public void Fail(Exception exception) => Failure ??= exception;

        /// <summary>After the COMMIT (or once it is certain there will be none): the caller gets its result, or its failure.</summary>
        public abstract void Answer();

        protected abstract void Cancel();
    }

    private sealed class Unit<T>(
        Func<DbTransaction, CancellationToken, Task<T>> work, Func<T, bool> keep, ExecutionContext? caller, DateTimeOffset deadline) : Unit(deadline)
    {
        // Continuations run elsewhere, so that a caller's rest of the request never runs on the writer.
        private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Completion => _answer.Task;

        public override async Task<bool> RunAsync(DbTransaction transaction)
        {
            // In the caller's execution context, as if the caller ran it: its request (IHttpContextAccessor), its
            // language (CurrentUICulture, for the texts of a refusal), its trace and logging scopes.
            Task<T>? running = null;
            if (caller is null)
            {
                running = work(transaction, CancellationToken.None);
            }
            else
            {
                ExecutionContext.Run(caller, _ => running = work(transaction, CancellationToken.None), null);
            }

            _result = await running!;
            return keep(_result);
        }

        public override void Answer()
        {
            if (Failure is { } failure)
            {
                _answer.TrySetException(failure);
            }
            else
            {
                _answer.TrySetResult(_result!);
            }
        }

        protected override void Cancel() => _answer.TrySetCanceled();
    }
}
