using System.Net;
using System.Text.RegularExpressions;
using Osaamismerkit.Assessments;

namespace Osaamismerkit.Tests.StaffUi;

public sealed partial class RevokeAndWalletLinkTests : StaffUiTestBase
{
    [Test]
    public async Task Revoking_needs_a_reason_and_then_the_public_page_shows_the_badge_as_revoked()
    {
        var (clientId, issued) = await IssuedAsync();
        var form = $"/staff/clients/{clientId}/badges/{issued.AssertionId}/revoke";
        var page = await PageAsync(Instructor, form);
        Assert.That(Text(page), Does.Contain("Valitun syyn teksti näkyy merkin julkisella sivulla"));
        Assert.That(page, Does.Match("<input type=\"radio\" name=\"reason\" value=\"issued_in_error\""));

        using var empty = await PostAsync(Instructor, form, HiddenFields(page, form));
        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Text(await empty.Content.ReadAsStringAsync()), Does.Contain("Valitse syy."));

        var fields = HiddenFields(page, form);
        fields.Add(Field("reason", "issued_in_error"));
        fields.Add(Field("internalNote", "Sekoitettiin toiseen asiakkaaseen"));
        using var revoked = await PostAsync(Instructor, form, fields);
        using var twice = await PostAsync(Instructor, form, fields);

        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(Location(revoked), Is.EqualTo($"/staff/clients/{clientId}?revoked=1"));
        Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'assertion.revoked'"), Is.EqualTo(1));
        var overview = Text(await PageAsync(Instructor, Location(revoked)));
        Assert.That(overview, Does.Contain("Merkki on peruttu.").And.Contain("Syy: Myönnetty virheellisesti"));
        using var anonymous = Browser();
        var publicPage = Text(await PageAsync(anonymous, new Uri(issued.PublicUrl).AbsolutePath));
        Assert.That(publicPage, Does.Contain("Peruttu").And.Contain("Merkki myönnettiin virheellisesti.").And.Not.Contain("Sekoitettiin"));
    }

    [Test]
    public async Task The_overview_links_each_valid_badge_to_its_certificate_and_the_link_gives_a_pdf()
    {
        var (clientId, issued) = await IssuedAsync();

        var html = await PageAsync(Instructor, $"/staff/clients/{clientId}");
        var certificate = $"/api/clients/{clientId}/certificates/{issued.AssertionId}";
        using var pdf = await Instructor.GetAsync(certificate);

        Assert.That(html, Does.Contain($"href=\"{certificate}\"").And.Contain($"href=\"/api/clients/{clientId}/certificates\""));
        Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
    }

    [Test]
    public async Task The_wallet_link_is_shown_once_as_a_qr_code_and_a_new_one_closes_the_old()
    {
        var (clientId, _) = await IssuedAsync();
        var overview = await PageAsync(Instructor, $"/staff/clients/{clientId}");
        var action = $"/staff/clients/{clientId}/wallet-link";

        using var first = await PostAsync(Instructor, action, HiddenFields(overview, action));
        var firstHtml = await first.Content.ReadAsStringAsync();
        var firstUrl = WalletUrl().Match(firstHtml).Value;
        using var second = await PostAsync(Instructor, action, HiddenFields(await PageAsync(Instructor, $"/staff/clients/{clientId}"), action));
        var secondHtml = await second.Content.ReadAsStringAsync();
        var secondUrl = WalletUrl().Match(secondHtml).Value;
        using var anonymous = Browser();

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(first.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(firstHtml, Does.Contain("<svg xmlns=\"http://www.w3.org/2000/svg\"").And.Contain("role=\"img\""));
        Assert.That(Text(secondHtml), Does.Contain("Vanha linkki ei enää toimi."));
        Assert.That(secondUrl, Is.Not.EqualTo(firstUrl));
        Assert.That((await anonymous.GetAsync(new Uri(firstUrl).AbsolutePath)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await anonymous.GetAsync(new Uri(secondUrl).AbsolutePath)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Text(await PageAsync(Instructor, $"/staff/clients/{clientId}")), Does.Contain("Linkki on käytössä"));
    }

    [Test]
    public async Task A_wallet_link_is_not_made_without_a_valid_form_token()
    {
        var (clientId, _) = await IssuedAsync();

        using var response = await PostAsync(Instructor, $"/staff/clients/{clientId}/wallet-link", [Field("__RequestVerificationToken", "forged")]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        // The issue message to the client carries a link of its own (outbox_message_id); the staff-made link is not made.
        Assert.That(await Scenario.CountAsync("wallet_links", "outbox_message_id IS NULL"), Is.Zero);
    }

    private async Task<(string ClientId, IssuedBadge Badge)> IssuedAsync()
    {
        var client = await ClientAsync(email: "merkki@example.fi");
        using var api = Scenario.Instructor(InstructorSubject);
        var result = await Tests.Support.Scenario.PassAsync(api, Tests.Support.Scenario.Passing(Badge, client.Id, Unit));
        return (client.Id, result.Badge!);
    }

    [GeneratedRegex("http://localhost/w/[A-Za-z0-9_-]+")]
    private static partial Regex WalletUrl();
}
