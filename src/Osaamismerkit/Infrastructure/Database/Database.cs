using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Osaamismerkit.Infrastructure.Database;

/// <summary>Opens connections to the configured provider; every connection is ready for Dapper.</summary>
[SuppressMessage("Design", "CA1001", Justification = "The write queue's SemaphoreSlim never allocates a wait handle (AvailableWaitHandle is not used): there is nothing to dispose, and the database lives as long as the process.")]
public sealed class Database
{
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly int _busyTimeoutSeconds;

    private readonly SqlServerAccessTokens? _accessTokens;

    private readonly ISqlStatementObserver[] _observers;

    // Static: session numbers stay distinct when several service instances share one process (the tests).
    private static long _sessions;

    public Database(
        IOptions<DatabaseOptions> options, IHostEnvironment environment, SqlServerAccessTokens accessTokens, IEnumerable<ISqlStatementObserver>? observers = null)
    {
        var o = options.Value;
        _observers = observers?.ToArray() ?? [];
        _accessTokens = o.Provider == DatabaseProvider.SqlServer && o.SignIn == SqlServerSignIn.EntraId ? accessTokens : null;
        _busyTimeoutSeconds = o.BusyTimeoutSeconds;
        Provider = o.Provider;
        _pragmas = SqlitePragmas.For(o);
        Dialect = SqlDialect.For(o.Provider);
        DataFolder = Path.GetFullPath(o.DataFolder, environment.ContentRootPath);
        _connectionString = o.Provider switch
        {
            DatabaseProvider.Sqlite => SqliteConnectionString(o, DataFolder),
            DatabaseProvider.SqlServer => o.ConnectionString
                ?? throw new InvalidOperationException("Database:ConnectionString is required for SQL Server."),
            _ => throw new InvalidOperationException($"Unknown database provider {o.Provider}."),
        };
        SqliteFile = o.Provider == DatabaseProvider.Sqlite ? new SqliteConnectionStringBuilder(_connectionString).DataSource : null;
    }

    /// <summary>How long a writer waits in the queue: as long as SQLite would have retried a busy database.</summary>
    public TimeSpan WriteTurnTimeout => TimeSpan.FromSeconds(_busyTimeoutSeconds);

    private readonly SemaphoreSlim _writers = new(1, 1);

    public DatabaseProvider Provider { get; }

    public SqlDialect Dialect { get; }

    public string DataFolder { get; }

    /// <summary>The SQLite file, or null for SQL Server.</summary>
    public string? SqliteFile { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection sqlite)
            {
                Observe(sqlite);
                await SqlitePragmas.ApplyOnceAsync(sqlite, _pragmas, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // SQLite's profile hook, unlike its trace hook, reports the statement as written rather than with its parameters filled
    // in, so one text stands for every call. It is set again on each opening: a pooled handle gets a new session number.
    private void Observe(SqliteConnection connection)
    {
        if (_observers.Length == 0)
        {
            return;
        }

        var session = Interlocked.Increment(ref _sessions);
        SQLitePCL.raw.sqlite3_profile(connection.Handle, (_, sql, _) =>
        {
            foreach (var observer in _observers)
            {
                observer.Ran(session, sql.utf8_to_string());
            }
        }, null);
    }

    /// <summary>A connection not yet opened; with Entra ID sign-in it asks for its token when SQL Server wants one.</summary>
    internal DbConnection CreateConnection() => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(_connectionString)
        : new SqlConnection(_connectionString) { AccessTokenCallback = _accessTokens is null ? null : _accessTokens.GetAsync };

    /// <summary>
    /// Queue for SQLite's single write lock, taken by the hot write path (issuing). A writer that meets a held lock is
    /// parked by SQLite's busy handler in sleeps of up to 100 ms on a blocked thread, so under load the lock sat free
    /// while writers slept. A writer with a turn from here waited without blocking a thread and finds the lock free;
    /// writers without one, and other processes (a backup), still meet busy_timeout. SQL Server locks rows: no queue.
    /// </summary>
    public async Task<WriteTurn> WaitForWriteTurnAsync(CancellationToken cancellationToken = default)
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return default;
        }

        if (!await _writers.WaitAsync(WriteTurnTimeout, cancellationToken))
        {
            throw new DatabaseBusyException($"No turn to write to the database within {WriteTurnTimeout.TotalSeconds:F1} s.");
        }

        return new WriteTurn(_writers);
    }

    /// <summary>A unique index refused the row: SQLite constraint 2067/1555, SQL Server 2601/2627.</summary>
    public static bool IsUniqueViolation(DbException exception) => exception switch
    {
        SqliteException e => e.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException e => e.Number is 2601 or 2627,
        _ => false,
    };

    /// <summary>
    /// Client data: the folder 0700 and the file 0600 when this creates them. SQLite would create the file with the
    /// process umask (usually world-readable); made empty first, it is a valid empty database, and SQLite gives its
    /// -wal and -shm files the database file's mode. Existing files keep the mode the operator gave them.
    /// </summary>
    private static void CreateOwnerOnly(string dataFolder, string file)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dataFolder);
            return;
        }

        Directory.CreateDirectory(dataFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (File.Exists(file))
        {
            return;
        }

        try
        {
            using var created = new FileStream(file, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process (a backup, a second instance) made it first: its mode stands.
        }
    }

    // Microsoft.Data.Sqlite retries a busy statement itself until the command timeout, on top of SQLite's busy_timeout:
    // both get the same bound, so a held lock costs a request BusyTimeoutSeconds, not the two added together.
    private static string SqliteConnectionString(DatabaseOptions o, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            var given = new SqliteConnectionStringBuilder(o.ConnectionString);
            if (!given.ShouldSerialize("Default Timeout"))
            {
                given.DefaultTimeout = o.BusyTimeoutSeconds;
            }

            return given.ToString();
        }

        CreateOwnerOnly(dataFolder, Path.Combine(dataFolder, o.SqliteFileName));
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataFolder, o.SqliteFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            // Not ForeignKeys = true: the driver would send its PRAGMA on every pooled open; SqlitePragmas sets it once per handle.
            DefaultTimeout = o.BusyTimeoutSeconds,
        }.ToString();
    }
}
