using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Verification;

/// <summary>The issuing fixture (a fresh service, one unit, its instructor, an anonymous visitor) plus helpers for the public pages.</summary>
public abstract partial class PublicPagesTestBase : IssuingTestBase
{
    protected BadgeDefinition ExpiringBadge =>
        Scenario.Catalogue.Badges.FirstOrDefault(b => b.Kind == BadgeKind.Skill && b.ValidityMonths is not null && b.PrerequisiteIds.Count == 0)
        ?? throw new AssertionException("The catalogue needs a skill badge with validityMonths and no prerequisites for the expiry tests.");

    protected async Task<(string ClientId, IssuedBadge Badge)> IssueAsync(string? email = "owner@example.fi", BadgeDefinition? badge = null, string? phone = null)
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: email, phone: phone, name: "Maija Meikäläinen");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(badge ?? BasicBadge, client.Id, Unit))).Badge!;
        return (client.Id, issued);
    }

    protected async Task<IssuedBadge> IssueToAsync(string clientId, BadgeDefinition badge) =>
        (await Scenario.PassAsync(Instructor, Scenario.Passing(badge, clientId, Unit))).Badge!;

    protected async Task RevokeAsync(IssuedBadge badge, string reason)
    {
        using var response = await Instructor.PostAsJsonAsync($"/api/assertions/{badge.AssertionId}/revoke", new RevokeRequest(reason));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>A new private wallet link for the client, as the path /w/{token}.</summary>
    protected async Task<string> WalletPathAsync(string clientId)
    {
        using var response = await Instructor.PostAsync($"/api/clients/{clientId}/wallet-link", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var link = (await response.Content.ReadFromJsonAsync<Osaamismerkit.Wallet.WalletLinkCreated>())!;
        return new Uri(link.Url).AbsolutePath;
    }

    protected static string ShortIdOf(IssuedBadge badge) => ShortIds.Encode(Guid.Parse(badge.AssertionId));

    protected async Task<string> PublicKeyPemAsync(string jws)
    {
        var creator = JsonDocument.Parse(IndependentJwsVerifier.Payload(jws)).RootElement.GetProperty("verification").GetProperty("creator").GetString()!;
        return (await Scenario.JsonAsync(Anonymous, new Uri(creator).PathAndQuery)).GetProperty("publicKeyPem").GetString()!;
    }

    protected static async Task<string> HtmlAsync(HttpResponseMessage response)
    {
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The antiforgery field of the first form on a page.</summary>
    protected static KeyValuePair<string, string> AntiforgeryField(string html)
    {
        var match = HiddenToken().Match(html);
        Assert.That(match.Success, Is.True, "the page has an antiforgery field");
        return new(match.Groups["name"].Value, WebUtility.HtmlDecode(match.Groups["value"].Value));
    }

    protected static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, params KeyValuePair<string, string>[] fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(url, content);
    }

    /// <summary>The words of a page as a reader meets them: no tags, entities decoded, runs of white space as one space.</summary>
    protected static string Text(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken[^"]*)" value="(?<value>[^"]+)"\s*/?>""")]
    private static partial Regex HiddenToken();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
