using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dapper;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Tests.Verification;

public sealed partial class PublicPageTests : PublicPagesTestBase
{
    [Test]
    public async Task The_page_shows_the_badge_and_its_status_checked_for_this_request_in_finnish_time()
    {
        var (_, issued) = await IssueAsync();

        using var response = await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}");
        var html = await HtmlAsync(response);
        var text = Text(html);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<html lang=\"fi\">"));
        Assert.That(H1(html), Is.EqualTo(BasicBadge.Name.Fi));
        Assert.That(html, Does.Contain("class=\"status status--valid\""));
        Assert.That(text, Does.Contain("Voimassa"));
        // The fake clock is 2026-11-23 09:00 UTC, which is 11.00 in Helsinki (EET, UTC+2).
        Assert.That(text, Does.Contain("Tarkistettu 23.11.2026 klo 11.00 (Suomen aikaa)."));
        Assert.That(text, Does.Contain(BasicBadge.Criteria.First(c => c.Required).Text.Fi));
        Assert.That(text, Does.Contain("Siun sote"));
        Assert.That(text, Does.Contain("Toistaiseksi"));
        Assert.That(text, Does.Contain("Perustaso"));
        Assert.That(text, Does.Not.Contain("Maija"), "the name is hidden until the client shares it");
        Assert.That(response.Headers.CacheControl?.NoCache, Is.True, "the status must not be served from a cache");
    }

    [Test]
    public async Task A_revoked_badge_says_so_with_its_reason_and_an_expired_one_with_its_end_date()
    {
        var (_, revoked) = await IssueAsync("a@example.fi");
        await RevokeAsync(revoked, "issued_in_error");
        var (_, expiring) = await IssueAsync("b@example.fi", ExpiringBadge);
        App.Clock.SetUtcNow(expiring.Expires!.Value.AddDays(1));

        var revokedHtml = await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(revoked)}"));
        var expiredHtml = await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(expiring)}?lang=en"));

        Assert.That(revokedHtml, Does.Contain("status--revoked"));
        Assert.That(Text(revokedHtml), Does.Contain("Peruttu").And.Contain("Syy: Merkki myönnettiin virheellisesti."));
        Assert.That(expiredHtml, Does.Contain("status--expired"));
        Assert.That(Text(expiredHtml), Does.Contain("Expired").And.Contain("This badge was valid until"));
    }

    [Test]
    public async Task A_badge_whose_stored_signature_no_longer_matches_is_shown_as_not_genuine()
    {
        var (_, issued) = await IssueAsync();
        await using (var connection = await App.Service<Database>().OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE assertions SET assertion_json = replace(assertion_json, 'sha256$', 'sha256$0') WHERE id = @Id", new { Id = issued.AssertionId });
        }

        var html = await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}"));

        Assert.That(html, Does.Contain("status--signature-invalid"));
        Assert.That(Text(html), Does.Contain("Ei aito"));
    }

    [TestCase("?lang=sv", null, "sv", "Giltigt")]
    [TestCase("", "en-GB,en;q=0.8", "en", "Valid")]
    [TestCase("", "sv-FI", "sv", "Giltigt")]
    [TestCase("", "de-DE", "fi", "Voimassa")]
    [TestCase("?lang=en", "sv", "en", "Valid")]
    public async Task The_language_comes_from_the_switch_or_the_browser_with_finnish_as_the_default(
        string query, string? acceptLanguage, string expected, string status)
    {
        var (_, issued) = await IssueAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/b/{ShortIdOf(issued)}{query}");
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        var html = await HtmlAsync(await Anonymous.SendAsync(request));

        Assert.That(html, Does.Contain($"<html lang=\"{expected}\">"));
        Assert.That(H1(html), Is.EqualTo(BasicBadge.Name.In(expected)));
        Assert.That(Text(html), Does.Contain(status));
        foreach (var language in new[] { "fi", "sv", "en" })
        {
            Assert.That(html, Does.Contain($"href=\"/b/{ShortIdOf(issued)}?lang={language}\""), "the switch links every language");
        }
    }

    [Test]
    public async Task A_shared_link_gets_a_proper_preview_from_open_graph_and_twitter_tags()
    {
        var (_, issued) = await IssueAsync();

        var html = await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}"));

        Assert.That(Meta(html, "og:title"), Is.EqualTo(BasicBadge.Name.Fi));
        Assert.That(Meta(html, "og:url"), Is.EqualTo(issued.PublicUrl));
        Assert.That(Meta(html, "og:image"), Does.Match($"^https?://[^/]+/badges/{BasicBadge.Id}/image\\.png$"));
        Assert.That(Meta(html, "og:description"), Does.Contain("Siun sote"));
        Assert.That(Meta(html, "twitter:card"), Is.EqualTo("summary"));
        using var image = await Anonymous.GetAsync(new Uri(Meta(html, "og:image")).PathAndQuery);
        Assert.That(image.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
    }

    [Test]
    public async Task The_page_needs_no_script_and_has_no_inline_styles_so_a_strict_csp_holds()
    {
        var (_, issued) = await IssueAsync();

        var html = await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}"));

        Assert.That(html, Does.Not.Contain("<script"));
        Assert.That(html, Does.Not.Contain(" style="));
        Assert.That(html, Does.Not.Contain("<style"));
        Assert.That(Regex.Count(html, "<img "), Is.EqualTo(Regex.Count(html, "<img [^>]*alt=\"[^\"]+\"")), "every image has alt text");
        Assert.That(html, Does.Contain("<link rel=\"stylesheet\" href=\"/css/public.css\">"));
        using var css = await Anonymous.GetAsync("/css/public.css");
        Assert.That(css.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(css.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
    }

    [Test]
    public async Task Headings_go_in_order_without_skipping_a_level()
    {
        var (_, issued) = await IssueAsync();

        var html = await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}"));
        var levels = Regex.Matches(html, "<h([1-6])").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.That(levels[0], Is.EqualTo(1));
        Assert.That(levels.Count(l => l == 1), Is.EqualTo(1));
        Assert.That(levels.Zip(levels.Skip(1)).All(p => p.Second <= p.First + 1), Is.True, string.Join(",", levels));
    }

    [Test]
    public async Task The_email_check_says_yes_or_no_without_revealing_the_address()
    {
        var (_, issued) = await IssueAsync("Owner@Example.fi");
        var page = await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}"));
        var token = AntiforgeryField(page);

        var yes = await PostFormAsync(Anonymous, $"/b/{ShortIdOf(issued)}/check", token, new("email", " OWNER@example.FI "));
        var no = await PostFormAsync(Anonymous, $"/b/{ShortIdOf(issued)}/check", token, new("email", "someone@example.fi"));
        var invalid = await PostFormAsync(Anonymous, $"/b/{ShortIdOf(issued)}/check", token, new("email", "not an address"));

        Assert.That(yes.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Text(await HtmlAsync(yes)), Does.Contain("Kyllä. Merkki on myönnetty osoitteelle OWNER@example.FI."));
        var noText = Text(await HtmlAsync(no));
        Assert.That(noText, Does.Contain("Ei. Merkkiä ei ole myönnetty osoitteelle someone@example.fi."));
        Assert.That(noText, Does.Not.Contain("owner@example.fi").IgnoreCase);
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await invalid.Content.ReadAsStringAsync(), Does.Contain("aria-invalid=\"true\""));
    }

    [Test]
    public async Task The_email_check_refuses_a_post_without_the_antiforgery_token()
    {
        var (_, issued) = await IssueAsync("owner@example.fi");

        using var response = await PostFormAsync(Anonymous, $"/b/{ShortIdOf(issued)}/check", new KeyValuePair<string, string>("email", "owner@example.fi"));
        var text = Text(await HtmlAsync(response));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(text, Does.Contain("Lomake vanheni"));
        Assert.That(text, Does.Not.Contain("Kyllä."));
    }

    [Test]
    public async Task The_email_check_is_slowed_down_like_other_guessable_codes()
    {
        var (_, issued) = await IssueAsync("owner@example.fi");
        var token = AntiforgeryField(await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}")));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 25; i++)
        {
            var response = await PostFormAsync(Anonymous, $"/b/{ShortIdOf(issued)}/check", token, new("email", $"guess{i}@example.fi"));
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        // 25 posts within a second or two span at most two one-minute windows of 10 permits each.
        Assert.That(statuses.Count(s => s == HttpStatusCode.TooManyRequests), Is.GreaterThanOrEqualTo(5));
        Assert.That(refused!.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        using var page = await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "reading the page is not limited by the checks");
    }

    [Test]
    public async Task A_badge_not_issued_to_an_email_address_cannot_be_checked_by_one()
    {
        var (_, issued) = await IssueAsync(email: null);
        var page = await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}"));

        var response = await PostFormAsync(Anonymous, $"/b/{ShortIdOf(issued)}/check", AntiforgeryField(page), new("email", "owner@example.fi"));

        Assert.That(Text(await HtmlAsync(response)), Does.Contain("Tätä merkkiä ei ole myönnetty sähköpostiosoitteelle"));
    }

    [TestCase("AAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("x")]
    [TestCase("%E2%9C%93")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_or_malformed_address_gets_a_friendly_not_found_page(string id)
    {
        using var response = await Anonymous.GetAsync($"/b/{id}");
        var html = await HtmlAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(H1(html), Is.EqualTo("Sivua ei löytynyt"));
    }

    [Test]
    public async Task The_uuid_address_redirects_permanently_to_the_short_one()
    {
        var (_, issued) = await IssueAsync();
        using var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/b/{issued.AssertionId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
        Assert.That(response.Headers.Location!.ToString(), Does.EndWith($"/b/{ShortIdOf(issued)}"));
    }

    [Test]
    public async Task Public_pages_are_anonymous_even_when_a_staff_token_is_sent()
    {
        var (_, issued) = await IssueAsync();

        using var anonymous = await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}");
        using var staff = await Instructor.GetAsync($"/b/{ShortIdOf(issued)}");
        using var json = await Anonymous.GetAsync($"/api/verify/{ShortIdOf(issued)}");

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(staff.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await json.Content.ReadFromJsonAsync<Osaamismerkit.Verification.VerificationView>())!.Status, Is.EqualTo("valid"));
    }

    private static string H1(string html) => WebUtility.HtmlDecode(Regex.Match(html, "<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline).Groups[1].Value.Trim());

    private static string Meta(string html, string name)
    {
        var match = Regex.Match(html, $"<meta (?:property|name)=\"{Regex.Escape(name)}\" content=\"([^\"]*)\"");
        Assert.That(match.Success, Is.True, name);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
