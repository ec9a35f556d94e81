using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Database.Backup;
using Osaamismerkit.Staff;
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

        // Restore as the README says: the copy and its key ring into a data folder. A service started there serves the
        // badge, its signature verifies against the published key, and contact details decrypt (the lookup key of the
        // new folder differs, so every contact is decrypted and hashed again at start-up).
        try
        {
            Directory.Move(result.KeyRing, Path.Combine(folder, KeyRing.FolderName));
            await using var restored = new TestAppOnExistingDatabase(RestoreSettings(folder));
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
            using var instructor = restored.CreateClient().As("instructor-1", Roles.Instructor);
            var found = await instructor.GetFromJsonAsync<ClientSummary[]>("/api/clients?q=varmuus%40example.fi");
            Assert.That(found!.Select(c => c.Id), Is.EqualTo(new[] { client.Id }), "the key ring came with the copy");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task A_copy_restored_without_its_key_ring_still_serves_badges_and_leaves_the_contacts_untouched()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "avaimeton@example.fi");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;
        var folder = Directory.CreateTempSubdirectory("osaamismerkit-restore-").FullName;
        try
        {
            await App.Services.GetRequiredService<DatabaseBackup>().WriteAsync(Path.Combine(folder, "osaamismerkit.db"));
            await using var restored = new TestAppOnExistingDatabase(RestoreSettings(folder));
            using var anonymous = restored.CreateClient();
            using var instructor = restored.CreateClient().As("instructor-1", Roles.Instructor);

            var verified = await Support.Scenario.JsonAsync(anonymous, $"/api/verify/{issued.AssertionId}");
            var found = await instructor.GetFromJsonAsync<ClientSummary[]>("/api/clients?q=avaimeton%40example.fi");
            var again = await restored.Services.GetRequiredService<ContactHashBackfill>().RunAsync();

            Assert.That(verified.GetProperty("status").GetString(), Is.EqualTo("valid"));
            Assert.That(found, Is.Empty, "without the key ring the address cannot be hashed with the new lookup key");
            Assert.That(again, Is.EqualTo(new ContactHashBackfill.Outcome(0, 1)), "skipped, not lost: the row waits for its key ring");
            await using var connection = await restored.Services.GetRequiredService<Database>().OpenAsync();
            Assert.That(await connection.ExecuteScalarAsync<string>("SELECT email_protected FROM clients WHERE id = @Id", new { client.Id }), Is.Not.Null);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private Dictionary<string, string?> RestoreSettings(string folder)
    {
        var settings = App.Database.Settings();
        settings["Database:DataFolder"] = folder;
        foreach (var (name, value) in TestTokens.Settings())
        {
            settings[name] = value;
        }

        return settings;
    }
}
