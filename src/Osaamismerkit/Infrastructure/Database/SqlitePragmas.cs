using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Osaamismerkit.Infrastructure.Database;

internal static class SqlitePragmas
{
    // Which pragma text each native handle has run. Microsoft.Data.Sqlite pools native handles, and a pooled open hands
    // back the same handle with its settings intact, so the text runs when a handle is new (or was set up by a service
    // with other settings), not on every open. A weak key: a handle the pool closes takes its entry with it.
    private static readonly ConditionalWeakTable<sqlite3, string> Applied = new();

    // WAL lets readers (public verification) proceed while an issuing transaction writes; busy_timeout makes writers
    // queue instead of failing with SQLITE_BUSY at once. All but journal_mode (kept in the file) are settings of one
    // connection. SQLite's own checkpoint runs inside the COMMIT that crosses wal_autocheckpoint; WalCheckpointer
    // checkpoints outside requests, so the automatic one is set well above the WAL limit and stays only as a backstop,
    // and journal_size_limit gives the disk back when a long WAL restarts.
    public static string For(DatabaseOptions options) => string.Create(CultureInfo.InvariantCulture, $"""
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = {options.BusyTimeoutSeconds * 1000};
        PRAGMA wal_autocheckpoint = {WalCheckpointer.AutomaticCheckpointPages(options)};
        PRAGMA journal_size_limit = {WalCheckpointer.JournalSizeLimitBytes(options)};
        """);

    public static async Task ApplyOnceAsync(SqliteConnection connection, string pragmas, CancellationToken cancellationToken)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (Applied.TryGetValue(handle, out var applied) && string.Equals(applied, pragmas, StringComparison.Ordinal))
        {
            return;
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // Only after they all ran: a handle whose set-up failed or was cancelled runs them again at its next open.
        Applied.AddOrUpdate(handle, pragmas);
    }
}
