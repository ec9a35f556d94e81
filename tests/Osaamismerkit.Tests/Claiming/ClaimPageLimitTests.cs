using System.Net;
using System.Net.Http.Json;
using Osaamismerkit.Issuing;
using Osaamismerkit.Tests.Verification;

namespace Osaamismerkit.Tests.Claiming;

/// <summary>The claim page is one more door to the same codes: it must not add to the guesses the API allows.</summary>
public sealed class ClaimPageLimitTests : PublicPagesTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:GuessingPermitsPerMinute"] = "2" };

    [Test]
    public async Task The_page_and_the_claim_API_draw_on_one_guessing_limit()
    {
        var form = AntiforgeryField(await HtmlAsync(await Anonymous.GetAsync("/claim")));
        using var first = await Anonymous.PostAsJsonAsync("/api/claims", new ClaimRequest("ABCD-EFGH-JKMN", "x@example.fi"));
        using var second = await Anonymous.PostAsJsonAsync("/api/claims", new ClaimRequest("ABCD-EFGH-JKMN", "x@example.fi"));

        // The three posts take milliseconds of the one-minute window.
        using var response = await PostFormAsync(Anonymous, "/claim", form, new("code", "ABCD-EFGH-JKMN"), new("email", "x@example.fi"));
        using var page = await Anonymous.GetAsync("/claim");

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "reading the form is not limited by the guesses");
    }
}
