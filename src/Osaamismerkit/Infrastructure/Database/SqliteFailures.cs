using Microsoft.Data.Sqlite;

namespace Osaamismerkit.Infrastructure.Database;

/// <summary>
/// SQLite errors that say the storage cannot take a write just now — locked, read-only, full, unopenable, I/O — as
/// opposed to a bug in our SQL. Requests answer them with 503; start-up stops on them with a plain message.
/// </summary>
public static class SqliteFailures
{
    // Primary result codes (the low byte of the extended code). CORRUPT (11) is left out on purpose: it is not temporary.
    private static readonly Dictionary<int, string> Reasons = new()
    {
        [3] = "the operating system denied access to it",
        [5] = "another process holds a lock on it",
        [6] = "another connection holds a lock on it",
        [8] = "it is read-only",
        [10] = "the disk reported an I/O error",
        [13] = "the disk is full",
        [14] = "the file cannot be opened or created",
    };

    public static bool IsUnavailable(SqliteException exception) => Reasons.ContainsKey(exception.SqliteErrorCode);

    /// <summary>Plain words for the log, e.g. "it is read-only".</summary>
    public static string Reason(SqliteException exception) =>
        Reasons.TryGetValue(exception.SqliteErrorCode, out var reason) ? reason : $"SQLite error {exception.SqliteErrorCode}";
}
