using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Osaamismerkit.Issuing;
using Osaamismerkit.Tests.Verification;

namespace Osaamismerkit.Tests.Claiming;

/// <summary>The claim page printed on a placeholder's certificate: the same claim as the API, for a person on a phone.</summary>
public sealed partial class ClaimPageTests : PublicPagesTestBase
{
    [TestCase("fi", "Ota merkki omaksesi", "Ota merkki")]
    [TestCase("sv", "Ta emot ditt märke", "Ta emot märket")]
    [TestCase("en", "Claim your badge", "Claim badge")]
    public async Task The_printed_claim_address_opens_a_public_form_for_the_code_and_an_email_in_the_readers_language(string lang, string title, string button)
    {
        using var response = await Anonymous.GetAsync($"/claim?lang={lang}");
        var html = await HtmlAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "not a sign-in redirect");
        Assert.That(response.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo("/claim"));
        Assert.That(html, Does.Contain($"<html lang=\"{lang}\">"));
        Assert.That(html, Does.Contain("<label for=\"code\">").And.Contain("<label for=\"email\">"));
        Assert.That(html, Does.Contain("id=\"code\" name=\"code\"").And.Contain("id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\""));
        Assert.That(ButtonLabel(html), Is.EqualTo(button));
        Assert.That(Text(html), Does.Contain(title));
        Assert.That(html, Does.Contain("href=\"/claim?lang=sv\"").And.Contain("href=\"/claim?lang=en\""), "the language switch stays on the page");
        Assert.That(html, Does.Not.Contain(" style=").And.Not.Contain("<script>"), "the CSP allows no inline style or script");
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        AntiforgeryField(html);
    }

    [Test]
    public async Task A_claim_on_the_page_makes_the_badge_the_holders_and_ends_on_its_valid_page_with_a_plain_message()
    {
        var (_, placeholder) = await IssueAsync(email: null);
        var form = await HtmlAsync(await Anonymous.GetAsync("/claim?lang=fi"));

        using var response = await PostFormAsync(Anonymous, "/claim?lang=fi", AntiforgeryField(form),
            new("code", placeholder.ClaimCode!.ToLowerInvariant()), new("email", "Holder@Example.fi"));
        var html = await HtmlAsync(response);
        var landed = response.RequestMessage!.RequestUri!;
        var newShortId = BadgePath().Match(landed.AbsolutePath).Groups["id"].Value;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(newShortId, Is.Not.Empty.And.Not.EqualTo(ShortIdOf(placeholder)), landed.ToString());
        Assert.That(Text(html), Does.Contain("Valmis! Merkki on nyt sinun."));
        Assert.That(html, Does.Contain("status status--valid"));

        var check = await PostFormAsync(Anonymous, $"/b/{newShortId}/check", AntiforgeryField(html), new("email", "holder@example.fi"));
        Assert.That(Text(await HtmlAsync(check)), Does.Contain("Kyllä."), "the new badge belongs to the typed address");
        var revocations = await Support.Scenario.JsonAsync(Anonymous, "/ob/revocations");
        Assert.That(revocations.GetProperty("revokedAssertions").EnumerateArray().Select(r => r.GetProperty("id").GetString()),
            Does.Contain("urn:uuid:" + placeholder.AssertionId));
    }

    [TestCase("fi")]
    [TestCase("sv")]
    [TestCase("en")]
    public async Task Wrong_fields_are_shown_at_each_field_in_the_words_the_claim_API_uses(string lang)
    {
        using var api = await Anonymous.PostAsJsonAsync($"/api/claims?lang={lang}", new ClaimRequest("ABC", "not-an-email"));
        var errors = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        var form = await HtmlAsync(await Anonymous.GetAsync($"/claim?lang={lang}"));

        using var response = await PostFormAsync(Anonymous, $"/claim?lang={lang}", AntiforgeryField(form), new("code", "ABC"), new("email", "not-an-email"));
        var html = await HtmlAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        foreach (var field in new[] { "code", "email" })
        {
            var message = errors.GetProperty(field)[0].GetString()!;
            var shown = Regex.Match(html, $"<p class=\"field-error\" id=\"{field}-error\">(?<message>[^<]+)</p>").Groups["message"].Value;
            Assert.That(WebUtility.HtmlDecode(shown), Is.EqualTo(message), field);
            Assert.That(html, Does.Contain($"aria-describedby=\"{field}-error {field}-hint\"").And.Contain($"href=\"#{field}\""), field);
        }

        Assert.That(html, Does.Contain("value=\"ABC\"").And.Contain("value=\"not-an-email\""), "what was typed is kept");
        Assert.That(Regex.Count(html, "autofocus"), Is.EqualTo(1), "focus goes to the first field to fix");
        Assert.That(Regex.IsMatch(html, "id=\"code\"[^>]*autofocus"), Is.True);
    }

    [Test]
    public async Task A_used_code_is_reported_at_the_code_field_and_claims_nothing_twice()
    {
        var (clientId, placeholder) = await IssueAsync(email: null);
        using var first = await Anonymous.PostAsJsonAsync("/api/claims", new ClaimRequest(placeholder.ClaimCode, "one@example.fi"));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var form = await HtmlAsync(await Anonymous.GetAsync("/claim"));

        using var second = await PostFormAsync(Anonymous, "/claim", AntiforgeryField(form), new("code", placeholder.ClaimCode!), new("email", "two@example.fi"));
        var html = await HtmlAsync(second);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(System.Net.WebUtility.HtmlDecode(html), Does.Contain("<p class=\"field-error\" id=\"code-error\">Koodia ei löydy tai se on jo käytetty.</p>"));
        Assert.That(await Scenario.CountAsync("assertions", "client_id = @Id", new { Id = clientId }), Is.EqualTo(2));
    }

    [Test]
    public async Task A_post_without_its_form_token_claims_nothing()
    {
        var (clientId, placeholder) = await IssueAsync(email: null);

        using var response = await PostFormAsync(Anonymous, "/claim", new("code", placeholder.ClaimCode!), new("email", "me@example.fi"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Text(await HtmlAsync(response)), Does.Contain("Lomake vanheni"));
        Assert.That(await Scenario.CountAsync("assertions", "client_id = @Id", new { Id = clientId }), Is.EqualTo(1));
    }

    internal static string ButtonLabel(string html) => SubmitButton().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups["label"].Value).Trim()
        : throw new AssertionException("the page has no submit button");

    [GeneratedRegex("""<button type="submit"[^>]*>(?<label>[^<]+)</button>""")]
    private static partial Regex SubmitButton();

    [GeneratedRegex("^/b/(?<id>[A-Za-z0-9_-]{22})$")]
    private static partial Regex BadgePath();
}
