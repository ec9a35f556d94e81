using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Support;
using Osaamismerkit.Tests.Support.SqlCapture;

namespace Osaamismerkit.Tests.Infrastructure;

/// <summary>
/// The SQL capture that checks, after every test of the suite, each statement the service sent as T-SQL and each
/// transaction for the client lock (<see cref="SqlCaptureCheckAttribute"/>). These tests prove the capture itself
/// works: that it sees the service's statements, translates the dialect, refuses what SQL Server would refuse and
/// catches a transaction that reads a client's badges before the lock; and they parse what only the SQL Server path
/// sends (its migrations and the migrator's lock), which a run on SQLite never captures.
/// </summary>
public sealed class SqlCaptureTests
{
    [Test]
    public void Dialect_fragments_rendered_for_SQLite_are_put_back_in_their_SQL_Server_form()
    {
        var sqlite = $"SELECT {SqlDialect.Sqlite.QuarterOf("b.assessed_on")} AS q, {SqlDialect.Sqlite.MonthOf("a.issued_on")} AS m, "
                     + $"{SqlDialect.Sqlite.YearOf("b.assessed_on")} AS y FROM baselines b JOIN assertions a ON a.client_id = b.client_id "
                     + $"ORDER BY q {SqlDialect.Sqlite.Limit("@Take")}";

        var sqlServer = SqlServerText.From(sqlite);

        Assert.That(sqlServer, Is.EqualTo(
            $"SELECT {SqlDialect.SqlServer.QuarterOf("b.assessed_on")} AS q, {SqlDialect.SqlServer.MonthOf("a.issued_on")} AS m, "
            + $"{SqlDialect.SqlServer.YearOf("b.assessed_on")} AS y FROM baselines b JOIN assertions a ON a.client_id = b.client_id "
            + $"ORDER BY q {SqlDialect.SqlServer.Limit("@Take")}"));
        Assert.That(TSqlText.Parse(sqlServer).Errors, Is.Empty);
        Assert.That(TSqlText.Parse(sqlite).Errors, Is.Not.Empty, "the SQLite form is not T-SQL, so an untranslated fragment fails");
    }

    [TestCase("INSERT OR IGNORE INTO units (id) VALUES (@Id)")]
    [TestCase("SELECT id FROM clients WHERE id = @Id LIMIT 1")]
    [TestCase("INSERT INTO units (id) VALUES (@Id) ON CONFLICT DO NOTHING")]
    [TestCase("SELECT id FROM clients WHERE name GLOB @Pattern")]
    public void SQLite_only_syntax_outside_the_dialect_is_a_parse_error(string sql) =>
        Assert.That(TSqlText.Parse(SqlServerText.From(sql)).Errors, Is.Not.Empty);

    [Test]
    public void Every_SQL_Server_migration_batch_and_the_migrators_own_SQL_Server_statements_parse_as_T_SQL()
    {
        var batches = DatabaseMigrator.Scripts(DatabaseProvider.SqlServer)
            .SelectMany(s => System.Text.RegularExpressions.Regex.Split(s.Sql, @"^\s*GO\s*$", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase)
                .Where(b => !string.IsNullOrWhiteSpace(b)).Select(b => (s.Name, Sql: b)))
            .Append((Name: "journal", Sql: DatabaseMigrator.CreateJournalSqlServer))
            .Append((Name: "migration lock", Sql: DatabaseMigrator.LockSqlServer))
            .ToList();

        var faults = batches.Select(b => (b.Name, TSqlText.Parse(b.Sql).Errors)).Where(b => b.Errors.Count > 0).ToList();

        Assert.That(batches, Has.Count.GreaterThan(DatabaseMigrator.Scripts(DatabaseProvider.SqlServer).Count));
        Assert.That(faults.Select(f => $"{f.Name}: {string.Join("; ", f.Errors)}"), Is.Empty);
    }

    [Test]
    public void The_SQL_Server_form_of_a_test_helpers_per_provider_SQL_parses_as_T_SQL() =>
        // A run here sends only the SQLite branch of such a helper, so the capture never sees the SQL Server one.
        Assert.That(TSqlText.Parse(Reports.ReportTestBase.StopRandomRecordKeys(SqlDialect.SqlServer)).Errors, Is.Empty);

    [Test]
    public async Task The_capture_sees_issuing_take_the_clients_lock_first_and_would_flag_the_transaction_without_it()
    {
        await using var app = await TestApp.StartAsync();
        var scenario = new Scenario(app);
        var unit = await scenario.UnitAsync("instructor-1");
        using var instructor = scenario.Instructor("instructor-1");
        var client = await scenario.ClientAsync(instructor, unit, email: "lock@example.fi");
        var badge = scenario.Catalogue.Badges.First(b => b.Kind == BadgeKind.Skill && b.PrerequisiteIds.Count == 0);
        List<List<TSqlText>> issuing;
        using (var recording = CapturedSql.Instance.Record())
        {
            await Scenario.PassAsync(instructor, Scenario.Passing(badge, client.Id, unit));
            issuing = recording.Transactions
                .Select(t => t.Where(s => !SqlServerText.IsSqliteOnly(s)).Select(TSqlText.Parse).ToList())
                .Where(t => t.Any(s => s.Writes.Contains("assertions")))
                .ToList();
        }

        Assert.That(issuing, Is.Not.Empty, "the capture saw the issuing transaction");
        var transaction = issuing[0];
        Assert.That(transaction[0].IsClientLock, Is.True, "the lock is the transaction's first statement");
        Assert.That(LockOrder.Violation(transaction), Is.Null);
        Assert.That(LockOrder.Violation(transaction.Skip(1).ToList()), Does.Contain("before it takes the client's lock"));
        Assert.That(LockOrder.Violation([.. transaction.Skip(1).Take(2), transaction[0], .. transaction.Skip(3)]), Is.Not.Null,
            "a lock taken after the first read of the client's badges is too late");
    }
}
