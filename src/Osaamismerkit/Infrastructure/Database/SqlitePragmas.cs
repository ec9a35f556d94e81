using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Osaamismerkit.Infrastructure.Database;

internal static class SqlitePragmas
{
    // WAL lets readers (public verification) proceed while an issuing transaction writes;
    // busy_timeout makes writers queue instead of failing with SQLITE_BUSY at once.
    public static string For(int busyTimeoutSeconds) => string.Create(CultureInfo.InvariantCulture, $"""
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = {busyTimeoutSeconds * 1000};
        """);

    public static async Task ApplyAsync(SqliteConnection connection, string pragmas, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
