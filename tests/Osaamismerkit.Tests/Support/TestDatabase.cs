using Microsoft.Data.SqlClient;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Tests.Support;

/// <summary>
/// A fresh, empty database for one test fixture: a SQLite file in a temp folder, or, when
/// OSAAMISMERKIT_TEST_SQLSERVER holds a connection string, a new database on that server.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string SqlServerVariable = "OSAAMISMERKIT_TEST_SQLSERVER";

    /// <summary>
    /// "ON" runs every SQL Server test database with READ_COMMITTED_SNAPSHOT, Azure SQL's default, under which readers
    /// do not wait for writers: the pipeline runs the matrix once with it off and once on.
    /// </summary>
    public const string ReadCommittedSnapshotVariable = "OSAAMISMERKIT_TEST_SQLSERVER_RCSI";

    /// <summary>
    /// "SqlServer" makes SQL Server (at <see cref="SqlServerVariable"/>) the provider of every fixture that does not name
    /// one, so the pipeline's SQL Server job runs the HTTP-level suite there too; unset, SQLite, as on a laptop.
    /// </summary>
    public const string DefaultProviderVariable = "OSAAMISMERKIT_TEST_PROVIDER";

    /// <summary>The provider of a test that does not ask for one: SQLite unless <see cref="DefaultProviderVariable"/> says SqlServer.</summary>
    public static DatabaseProvider DefaultProvider =>
        Environment.GetEnvironmentVariable(DefaultProviderVariable) is not { Length: > 0 } named ? DatabaseProvider.Sqlite
        : !Enum.TryParse<DatabaseProvider>(named, ignoreCase: true, out var provider) ? throw new InvalidOperationException($"{DefaultProviderVariable}={named} is neither Sqlite nor SqlServer.")
        : !AvailableProviders().Contains(provider) ? throw new InvalidOperationException($"{DefaultProviderVariable}={named} needs {SqlServerVariable}.")
        : provider;

    public static bool ReadCommittedSnapshot =>
        string.Equals(Environment.GetEnvironmentVariable(ReadCommittedSnapshotVariable), "ON", StringComparison.OrdinalIgnoreCase);

    private readonly string? _serverConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseProvider provider, string dataFolder, string? connectionString, string? serverConnectionString, string? databaseName)
    {
        Provider = provider;
        DataFolder = dataFolder;
        ConnectionString = connectionString;
        _serverConnectionString = serverConnectionString;
        _databaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }

    public string DataFolder { get; }

    public string? ConnectionString { get; }

    /// <summary>The providers to run provider-neutral tests against on this machine.</summary>
    public static IEnumerable<DatabaseProvider> AvailableProviders()
    {
        yield return DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SqlServerVariable)))
        {
            yield return DatabaseProvider.SqlServer;
        }
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("osaamismerkit-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, folder, null, null, null);
        }

        var server = Environment.GetEnvironmentVariable(SqlServerVariable)
            ?? throw new InvalidOperationException($"{SqlServerVariable} is not set.");
        var name = "osaamismerkit_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new SqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE [{name}]";
            await command.ExecuteNonQueryAsync();
            if (ReadCommittedSnapshot)
            {
                command.CommandText = $"ALTER DATABASE [{name}] SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE";
                await command.ExecuteNonQueryAsync();
            }
        }

        var builder = new SqlConnectionStringBuilder(server) { InitialCatalog = name };
        return new TestDatabase(provider, folder, builder.ConnectionString, server, name);
    }

    public Dictionary<string, string?> Settings() => new()
    {
        ["Database:Provider"] = Provider.ToString(),
        ["Database:DataFolder"] = DataFolder,
        ["Database:ConnectionString"] = ConnectionString,
    };

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_serverConnectionString is not null)
        {
            SqlConnection.ClearAllPools();
            await using var connection = new SqlConnection(_serverConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"ALTER DATABASE [{_databaseName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_databaseName}]";
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown is left for the OS temp cleaner.
        }
    }
}
