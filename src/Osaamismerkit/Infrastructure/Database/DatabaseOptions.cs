using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.Infrastructure.Database;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for SQL Server; for SQLite, empty means a file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the SQLite file and the development signing key; relative paths are under the content root.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    public string SqliteFileName { get; set; } = "osaamismerkit.db";

    /// <summary>
    /// SQLite: how long a write waits for another writer's lock before the request gets 503 with Retry-After. Bounded so
    /// that a lock held elsewhere (a stuck tool, a backup in rollback mode) never leaves requests hanging.
    /// </summary>
    [Range(1, 120)]
    public int BusyTimeoutSeconds { get; set; } = 10;
}
