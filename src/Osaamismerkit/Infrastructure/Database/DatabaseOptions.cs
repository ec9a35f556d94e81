using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.Infrastructure.Database;

public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    [EnumDataType(typeof(DatabaseProvider), ErrorMessage = "Database:Provider must be Sqlite or SqlServer.")]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for SQL Server; for SQLite, empty means a file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Folder for the SQLite file and the development keys; relative paths are under the content root. Required with
    /// either provider, since the keys live here even when the database does not.
    /// </summary>
    [Required(ErrorMessage = "Database:DataFolder must name the folder for the database file and the development keys.")]
    public string DataFolder { get; set; } = "data";

    [Required(ErrorMessage = "Database:SqliteFileName must name the SQLite file in Database:DataFolder.")]
    public string SqliteFileName { get; set; } = "osaamismerkit.db";

    /// <summary>
    /// SQLite: how long a write waits for another writer's lock before the request gets 503 with Retry-After. Bounded so
    /// that a lock held elsewhere (a stuck tool, a backup in rollback mode) never leaves requests hanging.
    /// </summary>
    [Range(1, 120, ErrorMessage = "Database:BusyTimeoutSeconds must be from 1 to 120 seconds.")]
    public int BusyTimeoutSeconds { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Database:ConnectionString is required when Database:Provider is SqlServer.", [nameof(ConnectionString)]);
        }
    }
}
