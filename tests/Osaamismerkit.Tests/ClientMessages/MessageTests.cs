using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.ClientMessages;
using Osaamismerkit.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.ClientMessages;

/// <summary>Messages to clients, received by a real SMTP server and read back.</summary>
public sealed class MessageTests : MessageTestBase
{
    private const string Evidence = "Avasi Omakannan ja kertoi migreenistään.";

    protected override string[] RefusedAddresses => ["no-such-box@example.fi"];

    [Test]
    public async Task An_issued_badge_reaches_the_clients_address_in_their_language_with_a_link_to_their_own_wallet_and_nothing_from_the_evidence()
    {
        var clients = new[]
        {
            (Client: await Scenario.ClientAsync(Instructor, Unit, email: "aino.issued@example.fi", language: "fi"), Subject: "Sait osaamismerkin"),
            (Client: await Scenario.ClientAsync(Instructor, Unit, email: "bertil.issued@example.fi", language: "sv"), Subject: "Du har fått ett kompetensmärke"),
            (Client: await Scenario.ClientAsync(Instructor, Unit, email: "chris.issued@example.fi", language: "en"), Subject: "You have a new skill badge"),
        };
        foreach (var (client, _) in clients)
        {
            await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit, note: Evidence) with { InternalNote = "Sisäinen huomio" });
        }

        foreach (var (client, subject) in clients)
        {
            var message = (await ReceivedAsync(client.Email!, 1)).Single();
            var outboxId = await OneAsync<string>("SELECT id FROM outbox_messages WHERE client_id = @Id", new { client.Id });
            var link = WalletLinkIn(message);
            Assert.Multiple(() =>
            {
                Assert.That(message.To.Mailboxes.Select(m => m.Address), Is.EqualTo(new[] { client.Email }));
                Assert.That(message.Subject, Is.EqualTo(subject));
                Assert.That(message.Body!.Headers["Content-Language"], Is.EqualTo(client.PreferredLanguage));
                Assert.That(message.MessageId, Is.EqualTo(outboxId + "@siunsote.fi"), "one stable Message-ID per outbox row");
                Assert.That(message.TextBody, Does.Contain(BasicBadge.Name.In(client.PreferredLanguage)));
                Assert.That(message.HtmlBody, Does.Contain($"<html lang=\"{client.PreferredLanguage}\"").And.Contain("<title>").And.Contain($"href=\"{link}\""));
                foreach (var secret in new[] { Evidence, "migreeni", "Sisäinen huomio", client.DisplayName, client.Id })
                {
                    Assert.That(message.TextBody + message.HtmlBody, Does.Not.Contain(secret), secret);
                }

                Assert.That(link, Does.EndWith("?lang=" + client.PreferredLanguage));
            });
            Assert.That(await WalletOwnerAsync(link), Is.EqualTo(client.Id), "the link opens this client's wallet");
            using var wallet = await Anonymous.GetAsync(new Uri(link).PathAndQuery);
            Assert.That(wallet.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(WebUtility.HtmlDecode(await wallet.Content.ReadAsStringAsync()), Does.Contain(BasicBadge.Name.In(client.PreferredLanguage)), "the wallet shows the badge");
        }

        Assert.That(await OneAsync<int>("SELECT COUNT(*) FROM outbox_messages WHERE status = 'sent' AND payload_protected IS NULL"), Is.EqualTo(3), "a sent message keeps no link");
    }

    [Test]
    public async Task A_claimed_badge_and_a_revoked_one_each_send_one_message_to_the_claimed_address()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit);
        var placeholder = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;
        Assert.That(await Scenario.CountAsync("outbox_messages"), Is.Zero, "no address, no message");

        using var claim = await Anonymous.PostAsJsonAsync("/api/claims", new { code = placeholder.ClaimCode, email = "claimer@example.fi" });
        Assert.That(claim.IsSuccessStatusCode, Is.True, await claim.Content.ReadAsStringAsync());
        var claimed = (await ReceivedAsync("claimer@example.fi", 1)).Single();
        var claimedId = JsonDocument.Parse(await claim.Content.ReadAsStringAsync()).RootElement.GetProperty("assertionId").GetString();
        using var revoked = await Instructor.PostAsJsonAsync($"/api/assertions/{claimedId}/revoke", new RevokeRequest(RevocationReasons.IssuedInError, "Väärä merkki"));
        Assert.That(revoked.IsSuccessStatusCode, Is.True, await revoked.Content.ReadAsStringAsync());
        var both = await ReceivedAsync("claimer@example.fi", 2);

        Assert.That(claimed.Subject, Is.EqualTo("Osaamismerkki on nyt sinun"));
        Assert.That(both[1].Subject, Is.EqualTo("Osaamismerkkisi ei ole enää voimassa"));
        Assert.That(both[1].TextBody, Does.Not.Contain("Väärä merkki"), "the staff's note stays with staff");
        Assert.That(await WalletOwnerAsync(WalletLinkIn(both[1])), Is.EqualTo(client.Id));
    }

    [Test]
    public async Task A_client_who_refuses_messages_gets_none_and_staff_see_the_refusal()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "refuser@example.fi");
        using var refused = await Instructor.PutAsJsonAsync($"/api/clients/{client.Id}/messages", new { refused = true });
        Assert.That(refused.IsSuccessStatusCode, Is.True, await refused.Content.ReadAsStringAsync());

        await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit));

        var view = await Scenario.JsonAsync(Instructor, $"/api/clients/{client.Id}/messages");
        Assert.That(view.GetProperty("refusesMessages").GetBoolean(), Is.True);
        Assert.That(view.GetProperty("messages").GetArrayLength(), Is.Zero);
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'client.messages-refused' AND entity_id = @Id", new { client.Id }), Is.EqualTo(1));
        using var missing = await Instructor.PutAsJsonAsync($"/api/clients/{client.Id}/messages", new { });
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_mailbox_the_server_refuses_is_failed_with_the_reason_and_admins_see_it()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "no-such-box@example.fi");
        await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await OneAsync<string>("SELECT status FROM outbox_messages WHERE client_id = @Id", new { client.Id }) != MessageStatuses.Failed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        using var admin = Scenario.Admin();
        var outbox = await Scenario.JsonAsync(admin, "/api/admin/messages?status=failed");
        var entry = outbox.GetProperty("messages").EnumerateArray().Single();
        Assert.That(entry.GetProperty("lastError").GetString(), Does.Contain("550"));
        Assert.That(entry.GetProperty("attempts").GetInt32(), Is.EqualTo(1), "a refusal for good is not retried");
        Assert.That(outbox.GetRawText(), Does.Not.Contain("no-such-box"), "admins see no addresses");
        using var instructorTry = await Instructor.GetAsync("/api/admin/messages");
        Assert.That(instructorTry.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_badge_that_runs_out_gets_one_reminder_thirty_days_before_with_its_last_day()
    {
        var expiring = Scenario.Catalogue.Badges.First(b => b.ValidityMonths is not null && b.PrerequisiteIds.Count == 0);
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "expiring@example.fi");
        var badge = (await Scenario.PassAsync(Instructor, Scenario.Passing(expiring, client.Id, Unit))).Badge!;
        await ReceivedAsync(client.Email!, 1);

        App.Clock.SetUtcNow(badge.Expires!.Value.AddDays(-31));
        Assert.That(await QueueRemindersAsync(), Is.Zero, "31 days before: not yet");
        App.Clock.SetUtcNow(badge.Expires!.Value.AddDays(-29));
        var first = await QueueRemindersAsync();
        var again = await QueueRemindersAsync();
        App.Service<OutboxSignal>().Wake();

        var reminder = (await ReceivedAsync(client.Email!, 2))[1];
        Assert.That((first, again), Is.EqualTo((1, 0)), "one reminder per badge, however often the scan runs");
        Assert.That(reminder.Subject, Is.EqualTo("Osaamismerkkisi on voimassa enää vähän aikaa"));
        var lastDay = Osaamismerkit.PublicPages.HelsinkiTime.Of(badge.Expires.Value).ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(reminder.TextBody, Does.Contain($"on voimassa {lastDay} asti"));
    }

    private async Task<int> QueueRemindersAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExpiryReminders>().QueueDueAsync(CancellationToken.None);
    }

    [Test]
    public async Task The_clients_data_export_lists_their_own_messages_with_kind_language_status_and_times_and_no_link_or_address()
    {
        var sv = await Scenario.ClientAsync(Instructor, Unit, email: "berit.export@example.fi", language: "sv");
        var other = await Scenario.ClientAsync(Instructor, Unit, email: "other.export@example.fi", language: "fi");
        await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, sv.Id, Unit));
        await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, other.Id, Unit));
        await ReceivedAsync(sv.Email!, 1);

        var export = await Scenario.JsonAsync(Instructor, $"/api/clients/{sv.Id}/export");
        var raw = export.GetRawText();

        var messages = export.GetProperty("messages").EnumerateArray().ToList();
        Assert.That(messages, Has.Count.EqualTo(1), raw);
        var message = messages[0];
        Assert.Multiple(() =>
        {
            Assert.That(message.GetProperty("kind").GetString(), Is.EqualTo(MessageKinds.Issued));
            Assert.That(message.GetProperty("language").GetString(), Is.EqualTo("sv"));
            Assert.That(message.GetProperty("status").GetString(), Is.EqualTo(MessageStatuses.Sent));
            Assert.That(message.GetProperty("badge_id").GetString(), Is.EqualTo(BasicBadge.Id));
            Assert.That(message.TryGetProperty("created_at", out _) && message.TryGetProperty("sent_at", out _), Is.True, raw);
            Assert.That(message.TryGetProperty("payload_protected", out _) || message.TryGetProperty("last_error", out _), Is.False, "no wallet link, no server text");
            Assert.That(raw, Does.Not.Contain(other.Id).And.Not.Contain("other.export"), "nothing of another client");
        });
    }
}
