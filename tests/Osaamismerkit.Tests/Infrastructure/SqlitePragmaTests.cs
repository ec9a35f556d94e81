using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Tests.Infrastructure;

/// <summary>
/// The connection settings run once per native SQLite handle: a pooled open hands back a handle that keeps them, and
/// a handle the pool makes afresh gets them all before anything else runs on it.
/// </summary>
public sealed class SqlitePragmaTests
{
    private const int BusyTimeoutSeconds = 7;
    private const int WalLimitPages = 250;

    private string _folder = null!;
    private PragmaCounter _counter = null!;
    private Database _database = null!;

    [SetUp]
    public void CreateDatabase()
    {
        _folder = Directory.CreateTempSubdirectory("osaamismerkit-pragmas-").FullName;
        _counter = new PragmaCounter();
        var options = Options.Create(new DatabaseOptions { DataFolder = _folder, BusyTimeoutSeconds = BusyTimeoutSeconds, WalLimitPages = WalLimitPages });
        _database = new Database(options, new HostingEnvironment { ContentRootPath = _folder }, new SqlServerAccessTokens(options), [_counter]);
    }

    [TearDown]
    public async Task DeleteDatabase()
    {
        await using (var connection = await _database.OpenAsync())
        {
            SqliteConnection.ClearPool((SqliteConnection)connection);
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task Many_pooled_opens_run_the_settings_once_for_each_native_handle()
    {
        var handles = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (var round = 0; round < 50; round++)
        {
            // Three open at once, so the pool holds more than one handle.
            var open = new List<DbConnection>();
            for (var i = 0; i < 3; i++)
            {
                open.Add(await _database.OpenAsync());
            }

            foreach (var connection in open)
            {
                handles.Add(((SqliteConnection)connection).Handle!);
                await connection.DisposeAsync();
            }
        }

        Assert.That(handles, Has.Count.InRange(1, 3), "the pool reuses its handles");
        Assert.That(_counter.Count("PRAGMA busy_timeout"), Is.EqualTo(handles.Count), "once per handle, not once per each of 150 opens");
        Assert.That(_counter.Count("PRAGMA"), Is.EqualTo(handles.Count * 6), "the six settings, and no pragma of the driver's on each open");
    }

    [Test]
    public async Task A_handle_the_pool_makes_afresh_gets_every_setting()
    {
        await using (var first = await _database.OpenAsync())
        {
            await first.ExecuteAsync("CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent (id))");
            SqliteConnection.ClearPool((SqliteConnection)first);
        }

        var before = _counter.Count("PRAGMA busy_timeout");
        await using var fresh = await _database.OpenAsync();

        Assert.That(_counter.Count("PRAGMA busy_timeout"), Is.EqualTo(before + 1), "a new native handle");
        Assert.That(await fresh.ExecuteScalarAsync<long>("PRAGMA busy_timeout"), Is.EqualTo(BusyTimeoutSeconds * 1000));
        Assert.That(await fresh.ExecuteScalarAsync<long>("PRAGMA synchronous"), Is.EqualTo(1), "NORMAL");
        Assert.That(await fresh.ExecuteScalarAsync<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
        Assert.That(await fresh.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint"), Is.EqualTo(4 * WalLimitPages));
        Assert.That(await fresh.ExecuteScalarAsync<long>("PRAGMA journal_size_limit"), Is.EqualTo(WalLimitPages * 4096L));
        Assert.That(await fresh.ExecuteScalarAsync<long>("PRAGMA foreign_keys"), Is.EqualTo(1));
        Assert.That(async () => await fresh.ExecuteAsync("INSERT INTO child (parent_id) VALUES (42)"), Throws.InstanceOf<SqliteException>());
    }

    /// <summary>Counts the statements SQLite ran, by how they start.</summary>
    private sealed class PragmaCounter : ISqlStatementObserver
    {
        private readonly ConcurrentQueue<string> _statements = new();

        public void Ran(long session, string sql) => _statements.Enqueue(sql.Trim());

        public int Count(string start) => _statements.Count(s => s.StartsWith(start, StringComparison.OrdinalIgnoreCase));
    }
}
