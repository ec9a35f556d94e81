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

    /// <summary>How long a SQLite writer waits for another to finish before the request answers 503.</summary>
    [Range(0, 60_000)]
    public int SqliteBusyTimeoutMilliseconds { get; set; } = 10_000;
}
