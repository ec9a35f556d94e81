using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reliability;

public sealed class DatabaseUnavailableTests
{
    [Test]
    public async Task A_write_blocked_by_another_writer_answers_503_with_retry_after_and_the_service_recovers()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Database:SqliteBusyTimeoutMilliseconds"] = "200" });
        var scenario = new Scenario(app);
        var unit = await scenario.UnitAsync("instructor-1");
        using var instructor = scenario.Instructor("instructor-1");
        var request = new ClientRequest("Odottava Asiakas", null, null, "fi", unit, null);

        // Another process (a backup, a second service instance) holds the write lock.
        await using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(app.Database.DataFolder, "osaamismerkit.db"), Pooling = false }.ToString());
        await other.OpenAsync();
        await using (var command = other.CreateCommand())
        {
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync();
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        using var blocked = await instructor.PostAsJsonAsync("/api/clients?lang=en", request);
        waited.Stop();
        var problem = await blocked.Content.ReadAsStringAsync();
        await using (var command = other.CreateCommand())
        {
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync();
        }

        using var after = await instructor.PostAsJsonAsync("/api/clients", request);

        Assert.That(blocked.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), problem);
        Assert.That(blocked.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(blocked.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem, Does.Contain("Nothing was saved"));
        Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "bounded by the configured busy timeout, not hanging");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await scenario.CountAsync("clients"), Is.EqualTo(1), "the refused request left nothing behind");
    }
}
