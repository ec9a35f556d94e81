using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Database.Backup;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reliability;

public sealed class BackupTests : IssuingTestBase
{
    [Test]
    public async Task A_backup_taken_while_clients_are_added_restores_into_a_working_service_with_verifiable_badges()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "varmuus@example.fi");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;

        // Writers keep going while the backup runs: it must still be one consistent moment.
        using var stop = new CancellationTokenSource();
        var writing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writes = Task.Run(async () =>
        {
            var added = 0;
            while (!stop.IsCancellationRequested)
            {
                using var response = await Instructor.PostAsJsonAsync("/api/clients", new ClientRequest($"Kirjoittaja {added}", null, null, "fi", Unit, null));
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
                added++;
                writing.TrySetResult();
            }

            return added;
        });
        var folder = Directory.CreateTempSubdirectory("osaamismerkit-restore-").FullName;
        var target = Path.Combine(folder, "osaamismerkit.db");
        await writing.Task;
        DatabaseBackup.Result result;
        try
        {
            result = await App.Services.GetRequiredService<DatabaseBackup>().WriteAsync(target);
        }
        finally
        {
            await stop.CancelAsync();
        }

        var added = await writes;
        Assert.That(result.Assertions, Is.EqualTo(1));
        Assert.That(File.Exists(target + ".partial"), Is.False);
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'database.backup'"), Is.EqualTo(1));
        Assert.That(added, Is.GreaterThan(0), "the writer was running when the backup started");
        Assert.ThrowsAsync<InvalidOperationException>(() => App.Services.GetRequiredService<DatabaseBackup>().WriteAsync(target), "never overwrites");

        // Restore: a service started on the copy serves the badge, and its signature verifies against the published key.
        try
        {
            var settings = App.Database.Settings();
            settings["Database:DataFolder"] = folder;
            foreach (var (name, value) in TestTokens.Settings())
            {
                settings[name] = value;
            }

            await using var restored = new TestAppOnExistingDatabase(settings);
            using var anonymous = restored.CreateClient();
            var jws = await anonymous.GetStringAsync($"/ob/assertions/{issued.AssertionId}/jws");
            var keyId = System.Text.Json.JsonDocument.Parse(IndependentJwsVerifier.Payload(jws)).RootElement
                .GetProperty("verification").GetProperty("creator").GetString()!.Split('/')[^1];
            var key = System.Text.Json.JsonDocument.Parse(await anonymous.GetStringAsync($"/ob/keys/{keyId}")).RootElement.GetProperty("publicKeyPem").GetString()!;
            var verified = await Support.Scenario.JsonAsync(anonymous, $"/api/verify/{issued.AssertionId}");

            Assert.That(IndependentJwsVerifier.Verify(jws, key), Is.True);
            Assert.That(verified.GetProperty("status").GetString(), Is.EqualTo("valid"));
            await using var connection = await restored.Services.GetRequiredService<Database>().OpenAsync();
            var orphans = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM clients c WHERE NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.entity_id = c.id)");
            Assert.That(orphans, Is.Zero, "every client in the copy has its audit row: no half-written transaction");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
