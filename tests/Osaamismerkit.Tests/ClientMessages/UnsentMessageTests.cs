using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.ClientMessages;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.ClientMessages;

/// <summary>Without an SMTP server messages wait in the outbox; with one that does not answer they are retried later and later.</summary>
public sealed class UnsentMessageTests : IssuingTestBase
{
    private readonly int _deadPort = DevIdentityProvider.FreePort();

    protected override IDictionary<string, string?>? Settings => TestContext.CurrentContext.Test.Name.Contains("does_not_answer", StringComparison.Ordinal)
        ? new Dictionary<string, string?>
        {
            ["Messages:SmtpHost"] = "127.0.0.1",
            ["Messages:SmtpPort"] = _deadPort.ToString(CultureInfo.InvariantCulture),
            ["Messages:SmtpSecurity"] = "None",
            ["Messages:From"] = "osaamismerkit@siunsote.fi",
            ["Messages:RetryBaseSeconds"] = "60",
            ["Messages:PollSeconds"] = "3600",
        }
        : null;

    [Test]
    public async Task Without_an_smtp_server_messages_stay_queued_and_admins_see_them_waiting()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "waiting@example.fi");
        await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit));

        Assert.That(await SendDueAsync(), Is.Zero);
        using var admin = Scenario.Admin();
        var outbox = await Scenario.JsonAsync(admin, "/api/admin/messages");
        Assert.That(outbox.GetProperty("sendingConfigured").GetBoolean(), Is.False);
        Assert.That(outbox.GetProperty("counts").GetProperty("queued").GetInt32(), Is.EqualTo(1));
        Assert.That(outbox.GetProperty("messages")[0].GetProperty("kind").GetString(), Is.EqualTo(MessageKinds.Issued));
    }

    [Test]
    public async Task A_server_that_does_not_answer_leaves_the_message_queued_and_each_retry_waits_twice_as_long()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "retry@example.fi");
        await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit));
        var created = App.Clock.GetUtcNow();

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await WaitForAttemptsAsync(client.Id, attempt);
            var row = await RowAsync(client.Id);
            Assert.That(row.Status, Is.EqualTo(MessageStatuses.Queued));
            Assert.That(row.LastError, Does.Contain("could not be reached"));
            waits.Add(row.NextAttemptAt - App.Clock.GetUtcNow());
            App.Clock.SetUtcNow(row.NextAttemptAt);
            await SendDueAsync();
        }

        Assert.That(waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240) }));
        Assert.That(created, Is.LessThan(App.Clock.GetUtcNow()));
    }

    private async Task WaitForAttemptsAsync(string clientId, int attempts)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await RowAsync(clientId)).Attempts < attempts || (await RowAsync(clientId)).Status == MessageStatuses.Sending)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"attempt {attempts} did not happen");
            await SendDueAsync();
            await Task.Delay(20);
        }
    }

    private async Task<OutboxMessage> RowAsync(string clientId)
    {
        await using var connection = await App.Service<Osaamismerkit.Infrastructure.Database.Database>().OpenAsync();
        var id = await Dapper.SqlMapper.QuerySingleAsync<string>(connection, "SELECT id FROM outbox_messages WHERE client_id = @ClientId", new { ClientId = clientId });
        return (await OutboxQueries.FindAsync(connection, id, CancellationToken.None))!;
    }

    private async Task<int> SendDueAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);
    }
}
