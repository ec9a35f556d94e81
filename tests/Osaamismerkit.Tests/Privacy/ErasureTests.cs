using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Reports;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;
using Osaamismerkit.Wallet;

namespace Osaamismerkit.Tests.Privacy;

/// <summary>After erasure nothing the service answers, publicly or to staff, may name or confirm the person.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.AvailableProviders))]
public sealed partial class ErasureTests(DatabaseProvider provider) : IssuingTestBase(provider)
{
    // A surname that no page text contains otherwise ("Salainen" hid in "kansalainen" once the staff page was grepped too).
    private const string Name = "Aino Varjolahti";

    private const string Email = "aino.secret@example.fi";

    private const string Phone = "+358401239876";

    private const string Evidence = "Aino kertoi ahdistuksestaan ja kirjautui itse.";

    private const string StaffNote = "Tarvitsi tauon, sovittu uusi aika.";

    private const string RevocationNote = "Kirjattiin Ainon sisko samalle asiakkaalle.";

    [Test]
    public async Task After_erasure_no_public_or_staff_answer_names_the_client_and_the_email_check_confirms_nothing()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, phone: "040 123 9876", name: Name);
        var placeholder = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit, note: Evidence) with { InternalNote = StaffNote })).Badge!;
        var claimCode = placeholder.ClaimCode!;
        using var changed = await Instructor.PutAsJsonAsync($"/api/clients/{client.Id}", new ClientRequest(Name, Email, Phone, "fi", Unit, null));
        Assert.That(changed.IsSuccessStatusCode, Is.True);
        var other = Scenario.Catalogue.Badges.First(b => b.Id != BasicBadge.Id && b.Kind == BasicBadge.Kind && b.PrerequisiteIds.Count == 0);
        var emailed = (await Scenario.PassAsync(Instructor, Scenario.Passing(other, client.Id, Unit, note: Evidence))).Badge!;
        using var walletResponse = await Instructor.PostAsync($"/api/clients/{client.Id}/wallet-link", null);
        var wallet = (await walletResponse.Content.ReadFromJsonAsync<WalletLinkCreated>())!;
        var emailedPage = $"/b/{Osaamismerkit.OpenBadges.ShortIds.Encode(Guid.Parse(emailed.AssertionId))}/";
        Assert.That(await EmailCheckAsync(emailedPage, Email), Does.Contain("notice--yes"), "before erasure the check confirms the address");
        using var revoked = await Instructor.PostAsJsonAsync(
            $"/api/assertions/{emailed.AssertionId}/revoke", new Osaamismerkit.Issuing.RevokeRequest(Osaamismerkit.Issuing.RevocationReasons.IssuedInError, RevocationNote));
        Assert.That(revoked.IsSuccessStatusCode, Is.True, await revoked.Content.ReadAsStringAsync());
        Assert.That(await BodyAsync(Instructor, $"/staff/clients/{client.Id}"), Does.Contain(StaffNote).And.Contain(RevocationNote), "staff see their notes before erasure");
        using var admin = Scenario.Admin();
        Assert.That(await Scenario.CountAsync("outbox_messages", "client_id = @Id", new { client.Id }), Is.EqualTo(2), "messages of the issue and the revocation wait in the outbox");

        using var erased = await admin.PostAsJsonAsync($"/api/clients/{client.Id}/erase", new ClientErasureRequest(client.Id));

        Assert.That(erased.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var answers = new StringBuilder();
        foreach (var badge in new[] { placeholder, emailed })
        {
            answers.AppendLine(await PublicTrace.CollectAsync(Anonymous, Guid.Parse(badge.AssertionId)));
        }

        var check = await EmailCheckAsync(emailedPage, Email);
        answers.AppendLine(await BodyAsync(Anonymous, new Uri(wallet.Url).PathAndQuery));
        answers.AppendLine(await BodyAsync(Instructor, $"/staff/clients/{client.Id}"));
        answers.AppendLine(await BodyAsync(Instructor, $"/staff/clients?q={Uri.EscapeDataString("Aino")}"));
        foreach (var url in new[]
                 {
                     "/api/clients", $"/api/clients?q={Uri.EscapeDataString("Aino")}", $"/api/clients?q={Uri.EscapeDataString(Email)}",
                     $"/api/clients/{client.Id}", $"/api/clients/{client.Id}/badges", $"/api/clients/{client.Id}/export", "/api/audit",
                 })
        {
            answers.AppendLine(await BodyAsync(admin, url));
        }

        using var staff = App.CreateClient().As("project-1", Roles.ProjectStaff);
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            answers.AppendLine(await BodyAsync(staff, $"/api/reports/{kind}/csv"));
        }

        var everything = answers.ToString();
        Assert.Multiple(() =>
        {
            foreach (var secret in new[] { Name, "Varjolahti", Email, "aino.secret", Phone, "401239876", claimCode, Evidence, "ahdistuksestaan", StaffNote, RevocationNote, "Ainon sisko" })
            {
                Assert.That(everything, Does.Not.Contain(secret).IgnoreCase, secret);
            }
        });
        Assert.That(check, Does.Contain("id=\"check-result\"").And.Not.Contain("notice--yes"), "the e-mail check must not confirm the address");
        Assert.That(await Scenario.CountAsync("outbox_messages", "client_id = @Id", new { client.Id }), Is.Zero, "the client's messages are gone");
        Assert.That(await Scenario.CountAsync("wallet_links", "client_id = @Id AND revoked_at IS NULL", new { client.Id }), Is.Zero, "no wallet link of the client, a message's included, opens anything");
        Assert.That(await Scenario.CountAsync("assertions", "client_id = @Id AND (recipient_identity <> '' OR recipient_salt <> '' OR claim_code_hash IS NOT NULL)", new { client.Id }), Is.Zero);
        using var claim = await Anonymous.PostAsJsonAsync("/api/claims", new { code = claimCode, email = "new@example.fi" });
        Assert.That(claim.IsSuccessStatusCode, Is.False, "the claim code is gone");
    }

    [Test]
    public async Task The_data_export_includes_the_clients_baselines_with_their_own_view()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "baseline@example.fi");
        using var recorded = await Instructor.PostAsJsonAsync($"/api/clients/{client.Id}/baselines", new
        {
            assessedOn = "2026-11-02",
            unitId = Unit,
            phase = "intake",
            deliveryMode = "onsite",
            areas = Enumerable.Range(1, 5).Select(a => new { area = a, level = 2, selfAssessment = 3 }).ToArray(),
        });
        Assert.That(recorded.IsSuccessStatusCode, Is.True, await recorded.Content.ReadAsStringAsync());

        var export = await Scenario.JsonAsync(Instructor, $"/api/clients/{client.Id}/export");

        var baseline = export.GetProperty("baselines").EnumerateArray().Single();
        Assert.That(baseline.GetProperty("phase").GetString(), Is.EqualTo("intake"));
        Assert.That(baseline.GetProperty("area1_level").GetInt32(), Is.EqualTo(2));
        Assert.That(baseline.GetProperty("area1_self").GetInt32(), Is.EqualTo(3));
    }

    private async Task<string> EmailCheckAsync(string page, string email)
    {
        var html = await BodyAsync(Anonymous, page);
        var token = HiddenToken().Match(html);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["email"] = email,
        });
        using var response = await Anonymous.PostAsync(page + "check", form);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> BodyAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync()) + Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }

    [GeneratedRegex("<input[^>]*name=\"(?<name>__RequestVerificationToken[^\"]*)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenToken();
}
