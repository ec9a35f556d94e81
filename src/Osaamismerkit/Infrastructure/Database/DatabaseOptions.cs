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

    /// <summary>
    /// SQLite: issuances queued while one commits are committed together, each in its own savepoint (see GroupCommit).
    /// Off, each is its own transaction. SQL Server ignores it: it locks rows and commits transactions in parallel.
    /// </summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>
    /// SQLite with <see cref="GroupCommit"/>: at most this many issuances in one transaction. A batch holds the write lock
    /// for its whole length, so the bound keeps short the wait of other writers (a revocation, the outbox, a backup).
    /// </summary>
    [Range(2, 1000, ErrorMessage = "Database:GroupCommitMaxUnits must be from 2 to 1000.")]
    public int GroupCommitMaxUnits { get; set; } = 64;

    /// <summary>
    /// SQLite: how often the background checkpoint copies committed pages from the WAL into the database file, so that
    /// the copy (and its fsync) is not paid inside a request's COMMIT. Shorter keeps the WAL small under heavy writing.
    /// </summary>
    [Range(10, 60_000, ErrorMessage = "Database:WalCheckpointMilliseconds must be from 10 to 60000 milliseconds.")]
    public int WalCheckpointMilliseconds { get; set; } = 1000;

    /// <summary>
    /// SQLite: WAL length (pages) at which the background checkpoint takes a write turn and waits for readers so that
    /// the WAL can start over; readers that always overlap would otherwise keep it growing. SQLite's own automatic
    /// checkpoint is set to four times this, as a backstop.
    /// </summary>
    [Range(100, 1_000_000, ErrorMessage = "Database:WalLimitPages must be from 100 to 1000000 pages.")]
    public int WalLimitPages { get; set; } = 1000;

    /// <summary>SQL Server: sign in as the connection string says, or with Entra ID (managed identity).</summary>
    [EnumDataType(typeof(SqlServerSignIn), ErrorMessage = "Database:SignIn must be ConnectionString or EntraId.")]
    public SqlServerSignIn SignIn { get; set; } = SqlServerSignIn.ConnectionString;

    /// <summary>EntraId: the client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Database:ConnectionString is required when Database:Provider is SqlServer.", [nameof(ConnectionString)]);
        }

        if (SignIn == SqlServerSignIn.EntraId && Provider != DatabaseProvider.SqlServer)
        {
            yield return new ValidationResult("Database:SignIn EntraId needs Database:Provider SqlServer.", [nameof(SignIn)]);
        }

        // SqlClient refuses an access token beside any other credential; saying so here names the key to fix.
        if (SignIn == SqlServerSignIn.EntraId && Provider == DatabaseProvider.SqlServer && HasOtherCredential(ConnectionString))
        {
            yield return new ValidationResult(
                "Database:ConnectionString must not carry User ID, Password, Integrated Security or Authentication when Database:SignIn is EntraId.",
                [nameof(ConnectionString)]);
        }
    }

    private static bool HasOtherCredential(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        try
        {
            var b = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString);
            return b.UserID.Length > 0 || b.Password.Length > 0 || b.IntegratedSecurity
                || b.Authentication != Microsoft.Data.SqlClient.SqlAuthenticationMethod.NotSpecified;
        }
        catch (ArgumentException)
        {
            return false; // a malformed string fails at the first connection with SqlClient's own message
        }
    }
}
