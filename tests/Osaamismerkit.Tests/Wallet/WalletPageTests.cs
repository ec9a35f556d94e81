using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Osaamismerkit.Catalogue;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Tests.Verification;

namespace Osaamismerkit.Tests.Wallet;

public sealed partial class WalletPageTests : PublicPagesTestBase
{
    [Test]
    public async Task The_wallet_lists_valid_badges_first_and_marks_old_ones_plainly()
    {
        var (clientId, revoked) = await IssueAsync();
        var valid = await IssueToAsync(clientId, OtherBasicBadge());
        await RevokeAsync(revoked, "Virheellinen arviointi");
        var wallet = await WalletPathAsync(clientId);

        using var response = await Anonymous.GetAsync(wallet);
        var html = await HtmlAsync(response);
        var text = Text(html);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html.IndexOf(ShortIdOf(valid), StringComparison.Ordinal), Is.LessThan(html.IndexOf(ShortIdOf(revoked), StringComparison.Ordinal)));
        Assert.That(text, Does.Contain("Voimassa olevat merkit").And.Contain("Vanhat merkit").And.Contain("Peruttu"));
        Assert.That(Regex.Count(html, "class=\"card( card--old)?\""), Is.EqualTo(2));
    }

    [Test]
    public async Task Wallet_pages_are_private_never_cached_and_send_no_referrer()
    {
        var (clientId, issued) = await IssueAsync();
        var wallet = await WalletPathAsync(clientId);

        foreach (var path in new[] { wallet, $"{wallet}/b/{ShortIdOf(issued)}", $"{wallet}/b/{ShortIdOf(issued)}/qr", $"{wallet}/name" })
        {
            using var response = await Anonymous.GetAsync(path);
            var html = await HtmlAsync(response);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, path);
            Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"), path);
            Assert.That(html, Does.Contain("<meta name=\"referrer\" content=\"no-referrer\""), path);
            Assert.That(html, Does.Not.Contain(" style="), path);
        }
    }

    [Test]
    public async Task The_wallet_speaks_the_clients_own_language_unless_they_switch()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "sv@example.fi", language: "sv");
        await IssueToAsync(client.Id, BasicBadge);
        var wallet = await WalletPathAsync(client.Id);

        var own = await HtmlAsync(await Anonymous.GetAsync(wallet));
        var switched = await HtmlAsync(await Anonymous.GetAsync(wallet + "?lang=fi"));

        Assert.That(own, Does.Contain("<html lang=\"sv\">"));
        Assert.That(Text(own), Does.Contain("Mina kompetensmärken"));
        Assert.That(switched, Does.Contain("<html lang=\"fi\">"));
        Assert.That(switched, Does.Contain($"href=\"{wallet}/b/").And.Contain("?lang=fi\""), "links keep the chosen language");
    }

    [Test]
    public async Task A_badge_screen_offers_linkedin_with_the_certification_fields_filled_in()
    {
        var (clientId, issued) = await IssueAsync();
        var expiring = await IssueToAsync(clientId, ExpiringBadge);
        var wallet = await WalletPathAsync(clientId);

        var linkedIn = LinkedInQuery(await HtmlAsync(await Anonymous.GetAsync($"{wallet}/b/{ShortIdOf(issued)}")));
        var expiringLinkedIn = LinkedInQuery(await HtmlAsync(await Anonymous.GetAsync($"{wallet}/b/{ShortIdOf(expiring)}?lang=en")));

        Assert.That(linkedIn["startTask"].ToString(), Is.EqualTo("CERTIFICATION_NAME"));
        Assert.That(linkedIn["name"].ToString(), Is.EqualTo(BasicBadge.Name.Fi));
        Assert.That(linkedIn["organizationName"].ToString(), Does.StartWith("Siun sote"));
        Assert.That(linkedIn["issueYear"].ToString(), Is.EqualTo("2026"));
        Assert.That(linkedIn["issueMonth"].ToString(), Is.EqualTo("11"));
        Assert.That(linkedIn["certUrl"].ToString(), Is.EqualTo(issued.PublicUrl));
        Assert.That(linkedIn["certId"].ToString(), Is.EqualTo(issued.AssertionId));
        Assert.That(linkedIn.ContainsKey("expirationYear"), Is.False);
        Assert.That(expiringLinkedIn["name"].ToString(), Is.EqualTo(ExpiringBadge.Name.En));
        var expires = Osaamismerkit.PublicPages.HelsinkiTime.Of(expiring.Expires!.Value);
        Assert.That(expiringLinkedIn["expirationYear"].ToString(), Is.EqualTo(expires.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(expiringLinkedIn["expirationMonth"].ToString(), Is.EqualTo(expires.Month.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task A_badge_screen_offers_downloads_a_qr_code_and_the_share_link()
    {
        var (clientId, issued) = await IssueAsync();
        var wallet = await WalletPathAsync(clientId);

        var html = await HtmlAsync(await Anonymous.GetAsync($"{wallet}/b/{ShortIdOf(issued)}"));
        var qr = await HtmlAsync(await Anonymous.GetAsync($"{wallet}/b/{ShortIdOf(issued)}/qr"));

        Assert.That(html, Does.Contain($"href=\"/b/{ShortIdOf(issued)}/badge.png?lang=fi\""));
        Assert.That(html, Does.Contain($"href=\"{wallet}/b/{ShortIdOf(issued)}/qr?lang=fi\""));
        Assert.That(html, Does.Contain($"value=\"{issued.PublicUrl}\""));
        Assert.That(html, Does.Contain("href=\"mailto:?subject="));
        Assert.That(html, Does.Contain("<script src=\"/js/public.js\" defer></script>"));
        Assert.That(qr, Does.Contain($"src=\"/b/{ShortIdOf(issued)}/qr.svg\""));
        Assert.That(html, Does.Not.Contain(wallet + "\"").And.Not.Contain("value=\"" + wallet), "the private link is never offered for sharing");
    }

    [Test]
    public async Task A_badge_screen_puts_sharing_with_an_employer_first_and_the_rest_behind_more_ways()
    {
        var (clientId, issued) = await IssueAsync();
        var wallet = await WalletPathAsync(clientId);

        var html = await HtmlAsync(await Anonymous.GetAsync($"{wallet}/b/{ShortIdOf(issued)}"));
        var text = Text(html);

        Assert.That(text, Does.Contain("Näytä merkki työnantajalle").And.Contain("Lisää tapoja").And.Contain("Tallenna kuva"));
        Assert.That(html.IndexOf("id=\"share-link\"", StringComparison.Ordinal), Is.LessThan(html.IndexOf("class=\"badge-summary\"", StringComparison.Ordinal)),
            "the share link comes before the badge's details");
        var more = html[html.IndexOf("<details class=\"more\">", StringComparison.Ordinal)..];
        Assert.That(more, Does.Contain("linkedin.com").And.Contain("mailto:").And.Contain("/qr?lang=fi").And.Contain("badge.png"));
        Assert.That(Regex.Count(html[..html.IndexOf("<details", StringComparison.Ordinal)], "class=\"button"), Is.EqualTo(1), "one primary action before the rest");
        Assert.That(text, Does.Not.Contain("PNG").And.Not.Contain("SVG").And.Not.Contain("PDF"), "no file-format jargon");
    }

    [Test]
    public async Task An_expired_placeholder_badge_offers_no_claiming_and_says_ask_your_instructor()
    {
        var (clientId, placeholder) = await IssueAsync(email: null, badge: ExpiringBadge);
        var wallet = await WalletPathAsync(clientId);
        App.Clock.SetUtcNow(placeholder.Expires!.Value.AddDays(1));

        var html = await HtmlAsync(await Anonymous.GetAsync($"{wallet}/b/{ShortIdOf(placeholder)}"));
        var text = Text(html);

        Assert.That(text, Does.Contain("Tämän merkin aika on päättynyt").And.Contain("Kysy ohjaajaltasi"));
        Assert.That(html, Does.Not.Contain("id=\"claim\"").And.Not.Contain(placeholder.ClaimCode!), "an expired badge cannot be claimed");
        Assert.That(html, Does.Not.Contain("id=\"share-link\""));
    }

    [TestCase("fi", "Peruttu", "Toistaiseksi", "Kysy ohjaajaltasi, mitä voit tehdä.")]
    [TestCase("sv", "Återkallat", "Tills vidare", "Fråga din handledare vad du kan göra.")]
    [TestCase("en", "Revoked", "No end date", "Ask your instructor what you can do.")]
    public async Task A_revoked_badge_never_says_valid_until_further_notice(string language, string revokedWord, string noExpiry, string whatNow)
    {
        var (clientId, issued) = await IssueAsync();
        await RevokeAsync(issued, "Virheellinen arviointi");
        var wallet = await WalletPathAsync(clientId);

        var walletText = Text(await HtmlAsync(await Anonymous.GetAsync($"{wallet}/b/{ShortIdOf(issued)}?lang={language}")));
        var publicText = Text(await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}?lang={language}")));

        Assert.That(walletText, Does.Contain(revokedWord).And.Contain(whatNow).And.Not.Contain(noExpiry));
        Assert.That(publicText, Does.Not.Contain(noExpiry), "the public page neither");
    }

    [Test]
    public async Task Another_clients_badge_is_not_found_in_this_wallet()
    {
        var (clientId, _) = await IssueAsync("one@example.fi");
        var (_, someoneElses) = await IssueAsync("two@example.fi");
        var wallet = await WalletPathAsync(clientId);

        using var response = await Anonymous.GetAsync($"{wallet}/b/{ShortIdOf(someoneElses)}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Turning_name_sharing_on_shows_the_name_on_public_pages_with_one_audit_row_each_change()
    {
        var (clientId, issued) = await IssueAsync();
        var wallet = await WalletPathAsync(clientId);
        var page = await HtmlAsync(await Anonymous.GetAsync($"{wallet}/name"));
        var audit = await Scenario.CountAsync("audit_log");

        using var on = await PostFormAsync(Anonymous, $"{wallet}/name", AntiforgeryField(page), new("share", "on"));
        var shown = Text(await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}")));
        var afterOn = await Scenario.CountAsync("audit_log");
        using var onAgain = await PostFormAsync(Anonymous, $"{wallet}/name", AntiforgeryField(page), new("share", "on"));
        var afterRepeat = await Scenario.CountAsync("audit_log");
        using var off = await PostFormAsync(Anonymous, $"{wallet}/name", AntiforgeryField(page), new("share", "off"));
        var hidden = Text(await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}")));

        Assert.That(on.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the 303 is followed to the saved page");
        Assert.That(on.RequestMessage!.RequestUri!.Query, Does.Contain("saved=1"));
        Assert.That(shown, Does.Contain("Saaja Maija Meikäläinen"));
        Assert.That(afterOn - audit, Is.EqualTo(1));
        Assert.That(afterRepeat, Is.EqualTo(afterOn), "setting the value it already has writes nothing");
        Assert.That(await Scenario.CountAsync("audit_log") - afterRepeat, Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'client.share-name-changed' AND actor_id = @Actor", new { Actor = "client:" + clientId }), Is.EqualTo(2));
        Assert.That(hidden, Does.Not.Contain("Maija"));
    }

    [Test]
    public async Task A_form_without_its_antiforgery_token_changes_nothing()
    {
        var (clientId, issued) = await IssueAsync(email: null);
        var wallet = await WalletPathAsync(clientId);
        var audit = await Scenario.CountAsync("audit_log");

        using var name = await PostFormAsync(Anonymous, $"{wallet}/name", new KeyValuePair<string, string>("share", "on"));
        using var claim = await PostFormAsync(Anonymous, $"{wallet}/b/{ShortIdOf(issued)}/claim", new KeyValuePair<string, string>("email", "me@example.fi"));

        Assert.That(name.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(claim.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Scenario.CountAsync("audit_log"), Is.EqualTo(audit));
        Assert.That(await Scenario.CountAsync("clients", "share_name = 1"), Is.Zero);
    }

    [Test]
    public async Task A_placeholder_badge_is_claimed_from_the_wallet_and_the_new_badge_belongs_to_the_email()
    {
        var (clientId, placeholder) = await IssueAsync(email: null);
        var wallet = await WalletPathAsync(clientId);
        var screen = await HtmlAsync(await Anonymous.GetAsync($"{wallet}/b/{ShortIdOf(placeholder)}"));
        var audit = await Scenario.CountAsync("audit_log");

        using var claim = await PostFormAsync(Anonymous, $"{wallet}/b/{ShortIdOf(placeholder)}/claim", AntiforgeryField(screen), new("email", "Me@Example.fi"));
        var claimed = await HtmlAsync(claim);
        var newShortId = Regex.Match(claim.RequestMessage!.RequestUri!.AbsolutePath, "/b/([A-Za-z0-9_-]{22})$").Groups[1].Value;
        var list = await HtmlAsync(await Anonymous.GetAsync(wallet));

        Assert.That(Text(screen), Does.Contain(placeholder.ClaimCode!));
        Assert.That(claim.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Text(claimed), Does.Contain("Valmis! Merkki on nyt liitetty sähköpostiisi."));
        Assert.That(newShortId, Is.Not.Empty.And.Not.EqualTo(ShortIdOf(placeholder)));
        Assert.That(await Scenario.CountAsync("audit_log") - audit, Is.EqualTo(3), "placeholder revoked, badge re-issued, e-mail recorded");
        Assert.That(list, Does.Contain(newShortId).And.Not.Contain(ShortIdOf(placeholder)), "the replaced placeholder leaves the wallet");
        var check = await PostFormAsync(Anonymous, $"/b/{newShortId}/check", AntiforgeryField(await HtmlAsync(await Anonymous.GetAsync($"/b/{newShortId}"))), new("email", "me@example.fi"));
        Assert.That(Text(await HtmlAsync(check)), Does.Contain("Kyllä."));
        var oldPage = await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(placeholder)}"));
        var old = Text(oldPage);
        // People reading the old page learn the badge passed to its holder, not that it was withdrawn.
        Assert.That(old, Does.Contain("Merkki on siirretty saajalleen").And.Not.Contain("Peruttu"));
        Assert.That(oldPage, Does.Contain($"/b/{newShortId}"), "the old page links to the holder's badge");
    }

    [Test]
    public async Task The_wallet_shows_a_claim_code_in_one_piece_that_never_breaks_at_its_hyphens()
    {
        var (clientId, placeholder) = await IssueAsync(email: null);
        var wallet = await WalletPathAsync(clientId);

        var screen = await HtmlAsync(await Anonymous.GetAsync($"{wallet}/b/{ShortIdOf(placeholder)}"));

        Assert.That(screen, Does.Contain($"<strong class=\"code claim-code\">{placeholder.ClaimCode}</strong>"));
        Assert.That(await Anonymous.GetStringAsync("/css/public.css"), Does.Match(@"\.claim-code\s*\{[^}]*white-space:\s*nowrap"));
    }

    [Test]
    public async Task A_claim_with_a_bad_address_shows_the_error_at_the_field_and_writes_nothing()
    {
        var (clientId, placeholder) = await IssueAsync(email: null);
        var wallet = await WalletPathAsync(clientId);
        var screen = await HtmlAsync(await Anonymous.GetAsync($"{wallet}/b/{ShortIdOf(placeholder)}"));
        var audit = await Scenario.CountAsync("audit_log");

        using var claim = await PostFormAsync(Anonymous, $"{wallet}/b/{ShortIdOf(placeholder)}/claim", AntiforgeryField(screen), new("email", "me at example"));
        var html = await HtmlAsync(claim);

        Assert.That(claim.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("aria-invalid=\"true\"").And.Contain("aria-describedby=\"claim-email-error\""));
        Assert.That(await Scenario.CountAsync("audit_log"), Is.EqualTo(audit));
    }

    [Test]
    public void The_linkedin_link_escapes_every_value()
    {
        var link = Osaamismerkit.Wallet.LinkedInLinks.For("Tiedon haku & arviointi", "Siun sote", new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), null, "https://x.example/b/abc", Guid.Empty);

        var query = QueryHelpers.ParseQuery(new Uri(link).Query);
        Assert.That(link, Does.StartWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Tiedon%20haku%20%26%20arviointi&"));
        Assert.That(query["name"].ToString(), Is.EqualTo("Tiedon haku & arviointi"));
        Assert.That(query["issueYear"].ToString(), Is.EqualTo("2027"), "the month is the one in Finland: 23.30 UTC on New Year's Eve is already January");
        Assert.That(query["issueMonth"].ToString(), Is.EqualTo("1"));
    }

    private BadgeDefinition OtherBasicBadge() =>
        Scenario.Catalogue.Badges.First(b => b.Kind == BadgeKind.Skill && b.Level == 2 && b.ValidityMonths is null && b.Id != BasicBadge.Id && b.PrerequisiteIds.Count == 0);

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> LinkedInQuery(string html)
    {
        var href = WebUtility.HtmlDecode(LinkedInHref().Match(html).Groups[1].Value);
        Assert.That(href, Does.StartWith("https://www.linkedin.com/profile/add?"));
        return QueryHelpers.ParseQuery(new Uri(href).Query);
    }

    [GeneratedRegex("href=\"(https://www\\.linkedin\\.com/profile/add\\?[^\"]+)\"")]
    private static partial Regex LinkedInHref();
}
