using System.Net;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reliability;

/// <summary>
/// A read-only, full or unopenable store: at start-up the service refuses with one plain sentence (and starts once the
/// store is fixed); while running, whatever request meets it gets 503 problem details, never a 500 with a stack trace,
/// and a write it cuts off leaves nothing behind.
/// </summary>
[NonParallelizable]
[Category("Fault")]
public sealed class StorageFailureTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("osaamismerkit-storage-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>Real SQLite errors, made by asking a real SQLite file for what it cannot do.</summary>
    public static IEnumerable<TestCaseData> StorageErrors()
    {
        yield return new TestCaseData("read-only", 8).SetName("A read-only database answers 503");
        yield return new TestCaseData("full", 13).SetName("A full disk answers 503");
        yield return new TestCaseData("cannot open", 14).SetName("A database that cannot be opened answers 503");
    }

    [TestCaseSource(nameof(StorageErrors))]
    public async Task A_storage_error_met_by_a_request_is_503_problem_details_in_the_callers_language(string kind, int code)
    {
        var error = await RealSqliteErrorAsync(kind);
        Assert.That(error.SqliteErrorCode, Is.EqualTo(code), error.Message);
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, services: s => s.AddSingleton<IStartupFilter>(new FailingRoute(error)));
        using var client = app.CreateClient().As("instructor-1", Roles.Instructor);

        using var json = await client.GetAsync(FailingRoute.Path + "?lang=sv");
        using var html = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, FailingRoute.Path) { Headers = { { "Accept", "text/html" } } });

        Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(json.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
        await ProblemResponses.AssertAsync(json, "DatabaseUnavailableTitle", "sv");
        Assert.That(html.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "a caller that takes no JSON still gets the 503");
        await ProblemResponses.AssertAsync(html, "DatabaseUnavailableTitle");
    }

    [Test]
    public async Task A_disk_that_fills_up_while_an_assessment_is_recorded_answers_503_and_leaves_no_row_and_no_audit_entry()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var scenario = new Scenario(app);
        var unit = await scenario.UnitAsync("instructor-1");
        using var instructor = scenario.Instructor("instructor-1");
        var client = await scenario.ClientAsync(instructor, unit, email: "full@example.fi");
        var badge = scenario.Catalogue.Badges.First(b => b.Kind == BadgeKind.Skill && b.PrerequisiteIds.Count == 0);
        var before = await RowCountsAsync(app);

        await FillTheDiskAsync(app);
        // The longest evidence note allowed: the signed assertion, which carries it twice (JSON and JWS), then surely
        // needs a page the cap does not give, while the assessment row before it may still fit.
        var note = string.Concat(Enumerable.Repeat("Teki tehtävän itse. ", 100)).Trim();
        using var response = await Scenario.AssessAsync(instructor, Scenario.Passing(badge, client.Id, unit, note));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await response.Content.ReadAsStringAsync());
        await ProblemResponses.AssertAsync(response, "DatabaseUnavailableTitle");
        Assert.That(await RowCountsAsync(app), Is.EqualTo(before), "every table, the audit log included, as before the request");
    }

    [Test]
    public async Task Any_other_database_error_is_a_plain_500_without_the_exception()
    {
        var error = await RealSqliteErrorAsync("bad sql");
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, services: s => s.AddSingleton<IStartupFilter>(new FailingRoute(error)));
        using var client = app.CreateClient().As("instructor-1", Roles.Instructor);

        using var response = await client.GetAsync(FailingRoute.Path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        await ProblemResponses.AssertAsync(response, "ServerErrorTitle");
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task A_read_only_database_stops_start_up_with_a_plain_message_and_the_service_starts_once_it_is_writable(CancellationToken cancellationToken)
    {
        var settings = ProductionSettings.In(_folder);
        await using (await ServiceProcess.StartAsync(_folder, settings, "Production"))
        {
        }

        var file = Path.Combine(_folder, "osaamismerkit.db");
        var readOnly = new Dictionary<string, string?>(settings) { ["Database:ConnectionString"] = $"Data Source={file};Mode=ReadOnly" };
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(_folder, readOnly, [], "Production");

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain($"The database {file} cannot be used: it is read-only"));
        Assert.That(output, Does.Contain("writable"));
        Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
        await using var fixedAgain = await ServiceProcess.StartAsync(_folder, settings, "Production");
        using var http = new HttpClient { BaseAddress = fixedAgain.BaseAddress };
        using var ready = await http.GetAsync("/health/ready", cancellationToken);
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_data_folder_that_cannot_be_created_stops_start_up_with_a_plain_message(CancellationToken cancellationToken)
    {
        // A file where the folder should be: refused even for root, unlike permissions.
        var notAFolder = Path.Combine(_folder, "data");
        await File.WriteAllTextAsync(notAFolder, "not a folder", cancellationToken);

        var (exitCode, output) = await ServiceProcess.RunToExitAsync(notAFolder, ProductionSettings.In(_folder), [], "Production");

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain($"The data folder {notAFolder} cannot be created or used"));
        Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
    }

    private async Task<SqliteException> RealSqliteErrorAsync(string kind)
    {
        var file = Path.Combine(_folder, kind.Replace(' ', '-') + ".db");
        await using (var setup = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await setup.OpenAsync();
            await setup.ExecuteAsync("PRAGMA journal_mode = WAL; CREATE TABLE t (x BLOB)");
        }

        var (connectionString, sql) = kind switch
        {
            "read-only" => ($"Data Source={file};Mode=ReadOnly;Pooling=False", "INSERT INTO t VALUES (1)"),
            "full" => ($"Data Source={file};Pooling=False", "INSERT INTO t VALUES (randomblob(100000))"),
            "cannot open" => ($"Data Source={Path.Combine(_folder, "missing.db")};Mode=ReadOnly;Pooling=False", "SELECT 1"),
            _ => ($"Data Source={file};Pooling=False", "SELECT * FROM no_such_table"),
        };
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            if (kind == "full")
            {
                // SQLite's own size cap: past it, a write fails exactly as on a full disk.
                await connection.ExecuteScalarAsync<long>("PRAGMA max_page_count = 3");
            }

            await connection.ExecuteAsync(sql);
        }
        catch (SqliteException e)
        {
            return e;
        }

        throw new AssertionException($"SQLite did not fail for {kind}");
    }

    /// <summary>
    /// SQLite's own size cap, set at the current size on the one connection the service's pool then holds: the next
    /// write that needs a new page fails with SQLITE_FULL (13), exactly as on a full disk, inside the request's transaction.
    /// </summary>
    private static async Task FillTheDiskAsync(TestApp app)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = await app.Service<Database>().OpenAsync();
        var pages = await connection.ExecuteScalarAsync<long>("PRAGMA page_count");
        await connection.ExecuteScalarAsync<long>($"PRAGMA max_page_count = {pages}");
    }

    private static async Task<Dictionary<string, long>> RowCountsAsync(TestApp app)
    {
        await using var connection = await app.Service<Database>().OpenAsync();
        var tables = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM \"{table}\"");
        }

        return counts;
    }

    /// <summary>A route at the end of the real pipeline (behind its exception handler) that meets the given error.</summary>
    private sealed class FailingRoute(Exception error) : IStartupFilter
    {
        public const string Path = "/test/storage-failure";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == Path ? throw error : Task.CompletedTask);
        };
    }
}
