using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Infrastructure;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.AvailableProviders))]
public sealed class MigrationTests(DatabaseProvider provider)
{
    private TestDatabase _testDatabase = null!;
    private Database _database = null!;

    [SetUp]
    public async Task CreateEmptyDatabase()
    {
        _testDatabase = await TestDatabase.CreateAsync(provider);
        var options = Options.Create(new DatabaseOptions { Provider = provider, DataFolder = _testDatabase.DataFolder, ConnectionString = _testDatabase.ConnectionString });
        _database = new Database(options, new FakeEnvironment(_testDatabase.DataFolder), new SqlServerAccessTokens(options));
    }

    [TearDown]
    public async Task DropDatabase() => await _testDatabase.DisposeAsync();

    [Test]
    public async Task Migrations_apply_once_on_an_empty_database_and_are_a_no_op_the_second_time()
    {
        var migrator = new DatabaseMigrator(_database, NullLogger<DatabaseMigrator>.Instance);
        var expected = DatabaseMigrator.Scripts(provider).Select(s => s.Name).ToList();

        var first = await migrator.MigrateAsync();
        var second = await migrator.MigrateAsync();

        Assert.That(expected, Is.Not.Empty);
        Assert.That(first, Is.EqualTo(expected));
        Assert.That(second, Is.Empty);
        await using var connection = await _database.OpenAsync();
        var journal = await connection.QueryAsync<string>("SELECT script_name FROM schema_journal ORDER BY script_name");
        Assert.That(journal, Is.EqualTo(expected));
    }

    [Test]
    public void Both_providers_have_the_same_migration_scripts()
    {
        var sqlite = DatabaseMigrator.Scripts(DatabaseProvider.Sqlite).Select(s => s.Name);
        var sqlServer = DatabaseMigrator.Scripts(DatabaseProvider.SqlServer).Select(s => s.Name);
        Assert.That(sqlServer, Is.EqualTo(sqlite));
    }

    [Test]
    public async Task The_audit_log_refuses_updates_and_deletes()
    {
        await new DatabaseMigrator(_database, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        await using var connection = await _database.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO audit_log (id, occurred_at, actor_id, actor_role, action, entity_type, entity_id) VALUES ('a1', @Now, 'tester', 'Admin', 'test', 'thing', 't1')",
            new { Now = DateTimeOffset.UtcNow });

        Assert.That(async () => await connection.ExecuteAsync("UPDATE audit_log SET action = 'changed'"), Throws.InstanceOf<DbException>());
        Assert.That(async () => await connection.ExecuteAsync("DELETE FROM audit_log"), Throws.InstanceOf<DbException>());
        Assert.That(await connection.ExecuteScalarAsync<string>("SELECT action FROM audit_log WHERE id = 'a1'"), Is.EqualTo("test"));
    }

    [Test]
    public async Task Sqlite_files_use_wal_and_enforce_foreign_keys()
    {
        if (provider != DatabaseProvider.Sqlite)
        {
            Assert.Ignore("SQLite pragmas only.");
        }

        await new DatabaseMigrator(_database, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        await using var connection = await _database.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
        Assert.That(
            async () => await connection.ExecuteAsync("INSERT INTO units (id, name, municipality_code, created_at) VALUES ('u1', 'Paja', 'nope', '2026-01-01')"),
            Throws.InstanceOf<DbException>());
    }

    private sealed class FakeEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Osaamismerkit";

        public string ContentRootPath { get; set; } = root;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
