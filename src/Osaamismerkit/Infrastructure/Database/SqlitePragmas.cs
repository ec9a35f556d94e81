using Microsoft.Data.Sqlite;

namespace Osaamismerkit.Infrastructure.Database;

internal static class SqlitePragmas
{
    // WAL lets readers (public verification) proceed while an issuing transaction writes;
    // busy_timeout makes writers queue instead of failing with SQLITE_BUSY at once.
    private const string Sql = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = {0};
        """;

    public static async Task ApplyAsync(SqliteConnection connection, int busyTimeoutMilliseconds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql.Replace("{0}", busyTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
