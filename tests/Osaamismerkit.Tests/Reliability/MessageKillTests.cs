using System.Net.Http.Json;
using Dapper;
using Osaamismerkit.Assessments;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reliability;

/// <summary>
/// The service as its own process, killed with SIGKILL while its outbox worker is in the middle of sending a message to a
/// real SMTP server, then started again on the same files: every message of the outbox is delivered exactly once, as the
/// server's own delivery log shows.
/// </summary>
[NonParallelizable]
[Category("Fault")]
public sealed class MessageKillTests
{
    private string _dataFolder = null!;

    [SetUp]
    public void CreateDataFolder() => _dataFolder = Directory.CreateTempSubdirectory("osaamismerkit-kill-messages-").FullName;

    [TearDown]
    public void RemoveDataFolder() => Directory.Delete(_dataFolder, recursive: true);

    [Test]
    [CancelAfter(240_000)]
    public async Task A_service_killed_while_sending_delivers_every_outbox_message_exactly_once_after_the_restart(CancellationToken cancellationToken)
    {
        // The server holds each reply 300 ms, so that the kill finds a message on the wire: sent, not yet accepted.
        await using var sink = await SmtpSink.StartAsync(delayMs: 300);
        var settings = sink.Settings();
        settings["Messages:SendLeaseSeconds"] = "2";
        settings["Messages:SmtpTimeoutSeconds"] = "1";
        const string instructor = "kill-instructor";
        int queued;
        await using (var first = await ServiceProcess.StartAsync(_dataFolder, settings))
        {
            await using (var setup = await CrowdSetup.OpenFileAsync(_dataFolder))
            {
                await CrowdSetup.UnitAsync(setup, [instructor]);
            }

            using var http = CrowdSetup.Http(first.BaseAddress);
            var clients = await CrowdSetup.ClientsAsync(http, instructor, 36, cancellationToken);
            var badge = CrowdSetup.SkillBadges().First(b => b.PrerequisiteIds.Count == 0);
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/assessments/group")
            {
                Content = JsonContent.Create(new GroupRequest(
                    badge.Id, badge.Version, "2026-11-20", CrowdSetup.Unit, DeliveryModes.OnSite, "Teki tehtävät ryhmässä.",
                    clients.Take(30).Select(c => new GroupMember(c, badge.Criteria.Select(k => new CriterionResult(k.Id, true)).ToList(), null, null)).ToList())),
            };
            message.Headers.Authorization = new("Bearer", TestTokens.Create(instructor, [Roles.Instructor]));
            using var response = await http.SendAsync(message, cancellationToken);
            Assert.That((await response.Content.ReadFromJsonAsync<GroupResult>(cancellationToken))!.Issued, Is.EqualTo(30));

            await using var watch = await CrowdSetup.OpenFileAsync(_dataFolder);
            queued = await watch.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox_messages");
            Assert.That(queued, Is.EqualTo(10), "a third of the clients have an address");

            // Killed mid-send: some messages delivered and marked, the next one on the wire awaiting the server's reply.
            // The kill waits until every delivery in the server's log is also marked sent, so that it does not fall in the
            // instant between the server's acceptance and the mark — the one moment that can send a message twice, which
            // OutboxSender's comment explains and no SMTP client can close.
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var delivered = sink.Deliveries().Count;
                var sent = await watch.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox_messages WHERE status = 'sent'");
                var sending = await watch.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox_messages WHERE status = 'sending'");
                if (delivered >= 3 && sent == delivered && sending == 1 && sink.Deliveries().Count == delivered)
                {
                    break;
                }

                await Task.Delay(10, CancellationToken.None);
            }

            await first.KillAsync();
        }

        var beforeRestart = sink.Deliveries().Count;
        TestContext.Out.WriteLine($"At the kill: {beforeRestart} of {queued} messages delivered, one on the wire");
        Assert.That(beforeRestart, Is.LessThan(queued));

        await using (var second = await ServiceProcess.StartAsync(_dataFolder, settings))
        {
            await sink.WaitForAsync(queued, TimeSpan.FromSeconds(60));
            await using var connection = await CrowdSetup.OpenFileAsync(_dataFolder);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox_messages WHERE status <> 'sent'") > 0)
            {
                Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "every message is marked sent");
                await Task.Delay(50, CancellationToken.None);
            }

            var ids = (await connection.QueryAsync<string>("SELECT id || '@siunsote.fi' FROM outbox_messages")).Order(StringComparer.Ordinal).ToList();
            var deliveries = sink.Deliveries();
            TestContext.Out.WriteLine($"After the restart: {deliveries.Count} deliveries in the server's log for {ids.Count} outbox messages");
            Assert.That(deliveries.Select(d => d.MessageId).Order(StringComparer.Ordinal), Is.EqualTo(ids), "each outbox message exactly once in the server's log");
            Assert.That(deliveries.Select(d => d.To.Single()).Distinct(StringComparer.Ordinal).Count(), Is.EqualTo(queued), "each to its own client");
        }
    }
}
