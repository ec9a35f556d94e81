using System.Collections.Concurrent;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Tests.Support.SqlCapture;

/// <summary>
/// Every statement the service runs in this test process, seen through <see cref="ISqlStatementObserver"/> from every
/// in-process service the tests start (<see cref="TestApp"/>, <see cref="KestrelTestApp"/> and <see cref="TestAppOnExistingDatabase"/>).
/// It keeps each distinct text once and each distinct transaction (its statements in order) once; the checks run later,
/// off the service's threads, in <see cref="SqlCaptureCheckAttribute"/> after each test.
/// </summary>
public sealed class CapturedSql : ISqlStatementObserver
{
    public static readonly CapturedSql Instance = new();

    private readonly ConcurrentDictionary<string, bool> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _newTexts = new();
    private readonly ConcurrentDictionary<string, bool> _transactions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<IReadOnlyList<string>> _newTransactions = new();
    private readonly ConcurrentDictionary<long, List<string>> _open = new();
    private readonly ConcurrentDictionary<Recording, bool> _recordings = new();

    private CapturedSql()
    {
    }

    public IReadOnlyCollection<string> Texts => _texts.Keys.ToList();

    public int TransactionCount => _transactions.Count;

    public void Ran(long session, string sql)
    {
        if (_texts.TryAdd(sql, true))
        {
            _newTexts.Enqueue(sql);
        }

        var statement = sql.TrimStart();
        if (statement.StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase))
        {
            _open[session] = [];
        }
        else if (statement.StartsWith("SAVEPOINT", StringComparison.OrdinalIgnoreCase)
                 || statement.StartsWith("RELEASE", StringComparison.OrdinalIgnoreCase)
                 || statement.StartsWith("ROLLBACK TO", StringComparison.OrdinalIgnoreCase))
        {
            // Group commit runs each issuance in a savepoint of one SQLite transaction; on SQL Server each would be a
            // transaction of its own, so each savepoint's statements are judged as one.
            if (_open.TryGetValue(session, out var statements) && statements.Count > 0)
            {
                _open[session] = [];
                Ended(statements);
            }
        }
        else if (statement.StartsWith("COMMIT", StringComparison.OrdinalIgnoreCase) || statement.StartsWith("ROLLBACK", StringComparison.OrdinalIgnoreCase))
        {
            if (_open.TryRemove(session, out var statements))
            {
                Ended(statements);
            }
        }
        else if (_open.TryGetValue(session, out var statements))
        {
            // One connection runs one statement at a time: its list is never written by two threads at once.
            statements.Add(sql);
        }
    }

    private void Ended(List<string> statements)
    {
        foreach (var recording in _recordings.Keys)
        {
            recording.Transactions.Enqueue(statements);
        }

        if (_transactions.TryAdd(string.Join("\n;\n", statements), true))
        {
            _newTransactions.Enqueue(statements);
        }
    }

    /// <summary>The texts first seen since the last call.</summary>
    public IReadOnlyList<string> TakeNewTexts() => Drain(_newTexts);

    /// <summary>The transactions (statements between BEGIN and COMMIT or ROLLBACK) first seen since the last call.</summary>
    public IReadOnlyList<IReadOnlyList<string>> TakeNewTransactions() => Drain(_newTransactions);

    /// <summary>Every transaction that ends while the recording is open, seen before or not.</summary>
    public Recording Record()
    {
        var recording = new Recording(this);
        _recordings[recording] = true;
        return recording;
    }

    private static List<T> Drain<T>(ConcurrentQueue<T> queue)
    {
        var taken = new List<T>();
        while (queue.TryDequeue(out var item))
        {
            taken.Add(item);
        }

        return taken;
    }

    public sealed class Recording(CapturedSql capture) : IDisposable
    {
        public ConcurrentQueue<IReadOnlyList<string>> Transactions { get; } = new();

        public void Dispose() => capture._recordings.TryRemove(this, out _);
    }
}
