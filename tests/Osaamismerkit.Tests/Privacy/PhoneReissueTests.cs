using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Privacy;

/// <summary>Badges issued to a telephone hash before the fix are re-issued at start-up and stop publishing the hash.</summary>
public sealed class PhoneReissueTests : IssuingTestBase
{
    private const string Phone = "+358401234567";

    // Outside a request the new identity (the badge's public URL) can only come from the configured base URL.
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Public:BaseUrl"] = "https://merkit.example" };

    [Test]
    public async Task The_start_up_task_reissues_a_phone_hash_badge_to_a_placeholder_and_the_old_one_no_longer_publishes_the_hash()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, phone: "040 123 4567");
        var oldId = await IssueToTelephoneHashAsync(client.Id, "Kirjautui itse.");
        Assert.That(PhoneRecipientTests.BruteForce(PublicTrace.HashedIdentities(await PublicTrace.CollectAsync(Anonymous, oldId))), Is.EqualTo(Phone),
            "the old row publishes what the attack needs");

        int first, second;
        using (var scope = App.Services.CreateScope())
        {
            var reissue = scope.ServiceProvider.GetRequiredService<PhoneRecipientReissue>();
            first = await reissue.RunAsync();
            second = await reissue.RunAsync();
        }

        Assert.That((first, second), Is.EqualTo((1, 0)), "a second run finds nothing to do");
        Assert.That(PhoneRecipientTests.BruteForce(PublicTrace.HashedIdentities(await PublicTrace.CollectAsync(Anonymous, oldId))), Is.Null);
        var old = await Scenario.JsonAsync(Anonymous, $"/ob/assertions/{oldId}");
        Assert.That(old.TryGetProperty("recipient", out _), Is.False);
        Assert.That(old.GetProperty("revoked").GetBoolean(), Is.True);
        using var jws = await Anonymous.GetAsync($"/ob/assertions/{oldId}/jws");
        Assert.That(jws.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var revoked = (await Scenario.JsonAsync(Anonymous, "/ob/revocations")).GetProperty("revokedAssertions").EnumerateArray().Single(r => r.GetProperty("id").GetString() != ObDocuments.NoAssertion);
        Assert.That(revoked.GetProperty("revocationReason").GetString(), Is.EqualTo("Merkki on korvattu uudemmalla merkillä."), "a neutral listed wording, nothing about phones");

        await using var connection = await App.Service<Database>().OpenAsync();
        var newId = await connection.QuerySingleAsync<string>("SELECT id FROM assertions WHERE replaces_id = @Old AND revoked_at IS NULL", new { Old = oldId.ToString() });
        var reissued = await Scenario.JsonAsync(Anonymous, $"/ob/assertions/{newId}");
        Assert.That(reissued.GetProperty("recipient").GetProperty("type").GetString(), Is.EqualTo("url"));
        Assert.That(reissued.GetProperty("issuedOn").GetString(), Is.EqualTo("2026-03-02T10:00:00+00:00"));
        Assert.That(reissued.GetProperty("badge").GetString(), Does.Contain($"/ob/badges/{BasicBadge.Id}/{BasicBadge.Version}"));
        Assert.That(reissued.GetProperty("evidence")[0].GetProperty("narrative").GetString(), Is.EqualTo("Kirjautui itse."));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'assertion.revoked' AND entity_id = @Id", new { Id = oldId.ToString() }), Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'assertion.issued' AND entity_id = @Id", new { Id = newId }), Is.EqualTo(1));
    }

    /// <summary>What the code before the fix stored for a phone-only client.</summary>
    private async Task<Guid> IssueToTelephoneHashAsync(string clientId, string evidence)
    {
        using var scope = App.Services.CreateScope();
        await using var connection = await scope.ServiceProvider.GetRequiredService<Database>().OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var issued = await scope.ServiceProvider.GetRequiredService<AssertionIssuer>().IssueAsync(
            transaction,
            new NewAssertion(clientId, BasicBadge, "fi", new Recipient(Recipient.TelephoneType, Phone), new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), EvidenceNarrative: evidence),
            Actor.System,
            CancellationToken.None);
        await transaction.CommitAsync();
        return issued.Id;
    }
}
