using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Tests.Verification;

namespace Osaamismerkit.Tests.Claiming;

/// <summary>
/// After a claim the paper's QR code and links shared before still lead to the placeholder: people must read that the
/// badge moved to its holder, while machines keep seeing it revoked so that it never counts twice.
/// </summary>
public sealed partial class PlaceholderPassedTests : PublicPagesTestBase
{
    [TestCase("fi", "Merkki on siirretty saajalleen", "Avaa saajan merkki", "Peruttu")]
    [TestCase("sv", "Märket har flyttats till sin innehavare", "Öppna innehavarens märke", "Återkallat")]
    [TestCase("en", "This badge has moved to its holder", "Open the holder's badge", "Revoked")]
    public async Task A_claimed_placeholders_page_says_the_badge_moved_and_links_to_the_holders_valid_badge(
        string lang, string title, string link, string revokedWord)
    {
        var (_, placeholder) = await IssueAsync(email: null);
        using var claim = await Anonymous.PostAsJsonAsync("/api/claims", new ClaimRequest(placeholder.ClaimCode, "holder@example.fi"));
        var claimed = (await claim.Content.ReadFromJsonAsync<ClaimResult>())!;
        var newShortId = ShortIds.Encode(Guid.Parse(claimed.AssertionId));

        var old = await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(placeholder)}?lang={lang}"));
        var href = LinkTo().Match(old);

        Assert.That(Text(old), Does.Contain(title));
        Assert.That(old, Does.Contain("status status--passed").And.Not.Contain("status--revoked"), "neutral, not red");
        Assert.That(StatusTitle().Match(old).Value, Does.Not.Contain(revokedWord));
        Assert.That(href.Success, Is.True);
        Assert.That(WebUtility.HtmlDecode(href.Groups["label"].Value), Is.EqualTo(link));
        Assert.That(href.Groups["path"].Value, Is.EqualTo($"/b/{newShortId}"));
        Assert.That(old, Does.Not.Contain("qr.svg").And.Not.Contain("badge.png").And.Not.Contain("id=\"check\""),
            "the old paper's page offers nothing to share or check, only the way on");
        Assert.That(old, Does.Contain($"/ob/assertions/{placeholder.AssertionId}"), "machines still find the placeholder's document");

        var holders = await HtmlAsync(await Anonymous.GetAsync($"/b/{newShortId}?lang={lang}"));
        Assert.That(holders, Does.Contain("status status--valid"));
    }

    [Test]
    public async Task For_machines_the_claimed_placeholder_stays_revoked()
    {
        var (_, placeholder) = await IssueAsync(email: null);
        using var claim = await Anonymous.PostAsJsonAsync("/api/claims", new ClaimRequest(placeholder.ClaimCode, "holder@example.fi"));
        Assert.That(claim.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var revocations = await Support.Scenario.JsonAsync(Anonymous, "/ob/revocations");
        var verify = await Support.Scenario.JsonAsync(Anonymous, $"/api/verify/{ShortIdOf(placeholder)}");

        Assert.That(revocations.GetProperty("revokedAssertions").EnumerateArray().Select(r => r.GetProperty("id").GetString()),
            Does.Contain("urn:uuid:" + placeholder.AssertionId));
        Assert.That(verify.GetProperty("status").GetString(), Is.EqualTo("revoked"));
    }

    [Test]
    public async Task A_placeholder_revoked_by_staff_stays_red_since_nothing_replaced_it()
    {
        var (_, placeholder) = await IssueAsync(email: null);
        await RevokeAsync(placeholder, Osaamismerkit.Issuing.RevocationReasons.IssuedInError);

        var html = await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(placeholder)}"));

        Assert.That(html, Does.Contain("status status--revoked").And.Not.Contain("status--passed"));
        Assert.That(Text(html), Does.Contain("Merkki myönnettiin virheellisesti."));
    }

    [GeneratedRegex("""<a class="button" href="(?<path>/b/[A-Za-z0-9_-]{22})\?lang=[a-z]{2}">(?<label>[^<]+)</a>""")]
    private static partial Regex LinkTo();

    [GeneratedRegex("""<h2 id="status-heading"[\s\S]*?</h2>""")]
    private static partial Regex StatusTitle();
}
