using Dapper;
using Microsoft.Data.SqlClient;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Infrastructure;

/// <summary>
/// The pipeline runs the SQL Server matrix twice, with READ_COMMITTED_SNAPSHOT off and on; this proves each run really
/// ran in the mode it says, so a green "RCSI on" run is not the "off" run again. Exists only where SQL Server does.
/// </summary>
[TestFixtureSource(nameof(SqlServerOnly))]
public sealed class SqlServerIsolationTests(DatabaseProvider provider)
{
    public static IEnumerable<DatabaseProvider> SqlServerOnly() =>
        TestDatabase.AvailableProviders().Where(p => p == DatabaseProvider.SqlServer);

    [Test]
    public async Task A_test_database_runs_in_the_isolation_mode_the_pipeline_asked_for()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var connection = new SqlConnection(database.ConnectionString);
        await connection.OpenAsync();

        var snapshot = await connection.ExecuteScalarAsync<bool>(
            "SELECT is_read_committed_snapshot_on FROM sys.databases WHERE name = DB_NAME()");

        Assert.That(snapshot, Is.EqualTo(TestDatabase.ReadCommittedSnapshot));
    }
}
