using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reliability;

/// <summary>
/// Several instances behind a load balancer start together, often on a database nobody has migrated yet. Here: two
/// service processes started at the same moment on one empty SQLite file. Both must come up, and the database must
/// hold each migration once, one catalogue and one signing key in use, whichever process won each step.
/// </summary>
[NonParallelizable]
[Category("Fault")]
public sealed class ConcurrentStartTests
{
    // A few rounds, because the two processes must meet inside the migrations for the race to show: one round can
    // happen to have one process finish before the other starts.
    private const int Rounds = 3;

    [Test]
    [CancelAfter(300_000)]
    public async Task Two_instances_started_at_once_on_an_empty_database_both_come_up_and_migrate_it_once()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var folder = Directory.CreateTempSubdirectory("om-twostart-").FullName;
            try
            {
                var starting = new[] { ServiceProcess.StartAsync(folder), ServiceProcess.StartAsync(folder) };
                await using var a = await starting[0];
                await using var b = await starting[1];

                using var http = new HttpClient();
                foreach (var instance in new[] { a, b })
                {
                    using var ready = await http.GetAsync(new Uri(instance.BaseAddress, "/health/ready"));
                    Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"round {round}: instance {instance.Id} is ready:\n{instance.Output}");
                }

                await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "osaamismerkit.db")}");
                await connection.OpenAsync();
                var journal = (await connection.QueryAsync<string>("SELECT script_name FROM schema_journal")).ToList();
                Assert.That(journal, Is.EquivalentTo(DatabaseMigrator.Scripts(DatabaseProvider.Sqlite).Select(s => s.Name)), $"round {round}: each migration once");
                Assert.That(
                    await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM signing_keys WHERE retired_at IS NULL"),
                    Is.EqualTo(1),
                    $"round {round}: one signing key in use");
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // A process still closing its files leaves them to the OS temp cleaner.
                }
            }
        }
    }
}
