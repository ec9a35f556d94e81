using System.Net;
using System.Net.Http.Json;
using System.Web;
using Osaamismerkit.Clients;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Security;

/// <summary>
/// Attacks on the staff browser session, played against the real OpenIdConnect handler and the development identity
/// provider: hostile return URLs, cross-site API calls riding on the cookie, and the provider's ID token used as an API
/// bearer token.
/// </summary>
[NonParallelizable]
public sealed class SignInAttackTests
{
    private const string ForeignOrigin = "https://evil.example";

    private DevIdentityProvider _provider = null!;
    private KestrelTestApp _app = null!;
    private KestrelTestApp _providerTokensApp = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var providerPort = DevIdentityProvider.FreePort();
        var signIn = new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = $"http://127.0.0.1:{providerPort}",
            ["Authentication:Oidc:ClientId"] = "osaamismerkit-dev",
            ["Authentication:Oidc:ClientSecret"] = "osaamismerkit-dev-secret",
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        };
        _app = await KestrelTestApp.StartAsync(DevIdentityProvider.FreePort(), signIn);

        // The second service takes bearer tokens from the provider, as production does, instead of the tests' own key.
        var providerTokens = new Dictionary<string, string?>(signIn);
        foreach (var key in TestTokens.Settings().Keys)
        {
            providerTokens[key] = null;
        }

        _providerTokensApp = await KestrelTestApp.StartAsync(0, providerTokens);
        _provider = await DevIdentityProvider.StartAsync(providerPort, _app.BaseAddress);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        await _app.DisposeAsync();
        await _providerTokensApp.DisposeAsync();
    }

    [TestCase("//evil.example/x")]
    [TestCase("/\\evil.example/x")]
    [TestCase("/\t/evil.example/x")]
    [TestCase("/\n/evil.example/x")]
    [TestCase("/\r\nSet-Cookie:x=y")]
    [TestCase("https://evil.example/x")]
    [TestCase("/staff/clients/ä")]
    [TestCase("/ /evil.example/x")]
    [TestCase("/\\\\evil.example/x")]
    public async Task A_hostile_return_url_ends_on_the_staff_start_page_of_this_site(string returnUrl)
    {
        using var browser = new StaffBrowser(_app.BaseAddress);

        using var challenge = await browser.GetAsync("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.That(challenge.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var landed = await browser.SignInAsync(challenge.Headers.Location!, "ohjaaja");

        Assert.That(landed, Is.EqualTo(new Uri(_app.BaseAddress, SignInEndpoints.AfterSignIn)));
    }

    [Test]
    public async Task An_over_long_return_url_is_replaced_by_the_staff_start_page()
    {
        using var browser = new StaffBrowser(_app.BaseAddress);

        using var challenge = await browser.GetAsync("/signin?returnUrl=/staff/" + new string('a', 3000));
        Assert.That(challenge.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var landed = await browser.SignInAsync(challenge.Headers.Location!, "ohjaaja");

        Assert.That(landed, Is.EqualTo(new Uri(_app.BaseAddress, SignInEndpoints.AfterSignIn)));
    }

    [Test]
    public async Task A_local_return_url_with_its_query_is_kept()
    {
        using var browser = new StaffBrowser(_app.BaseAddress);

        using var challenge = await browser.GetAsync("/signin?returnUrl=" + Uri.EscapeDataString("/staff/clients?q=Maija%20M"));
        var landed = await browser.SignInAsync(challenge.Headers.Location!, "ohjaaja");

        Assert.That(landed, Is.EqualTo(new Uri(_app.BaseAddress, "/staff/clients?q=Maija%20M")));
    }

    [TestCase(ForeignOrigin, null, TestName = "A cookie API call from a foreign origin is refused")]
    [TestCase(null, "cross-site", TestName = "A cookie API call a browser marks cross-site is refused")]
    [TestCase("SIBLING", "same-site", TestName = "A cookie API call from a sibling subdomain (same site, other origin) is refused")]
    [TestCase(null, null, TestName = "A cookie API call that shows no origin at all is refused")]
    public async Task A_cross_origin_unsafe_api_call_with_the_staff_cookie_is_refused(string? origin, string? fetchSite)
    {
        using var admin = await SignedInAsync("admin");
        var client = await ClientAsync(admin);

        using var forged = await admin.SendAsync(Unsafe($"/api/clients/{client.Id}/wallet-link", origin == "SIBLING" ? "http://other.127.0.0.1" : origin, fetchSite));

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), await forged.Content.ReadAsStringAsync());
        Assert.That(forged.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var status = await admin.GetAsync($"/api/clients/{client.Id}/wallet-link");
        Assert.That(await status.Content.ReadAsStringAsync(), Does.Not.Contain("\"active\":true"), "no link was made");
    }

    [TestCase(true, null)]
    [TestCase(true, "same-origin")]
    [TestCase(false, "same-origin")]
    public async Task A_same_origin_unsafe_api_call_with_the_staff_cookie_is_served(bool sendOrigin, string? fetchSite)
    {
        using var admin = await SignedInAsync("admin");
        var client = await ClientAsync(admin);

        using var created = await admin.SendAsync(Unsafe($"/api/clients/{client.Id}/wallet-link", sendOrigin ? Origin(_app) : null, fetchSite));

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task The_providers_id_token_is_not_accepted_as_an_api_bearer_token()
    {
        using var browser = await SignedInAsync("admin");
        // The sign-out redirect carries the ID token as its hint: a token anyone signed in can read from their browser.
        using var signOut = await browser.PostAsync(SignInEndpoints.SignOutPath);
        var idToken = HttpUtility.ParseQueryString(signOut.Headers.Location!.Query)["id_token_hint"];
        Assert.That(idToken, Is.Not.Null.And.Not.Empty, signOut.Headers.Location!.ToString());

        using var api = new HttpClient { BaseAddress = _providerTokensApp.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", idToken);
        using var response = await api.GetAsync("/api/clients");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), string.Join(" ", response.Headers.WwwAuthenticate));
        TestContext.Out.WriteLine("refused with: " + string.Join(" ", response.Headers.WwwAuthenticate));
    }

    private async Task<StaffBrowser> SignedInAsync(string user)
    {
        var browser = new StaffBrowser(_app.BaseAddress);
        await browser.SignInAsync(user);
        Assert.That(browser.HasCookie(StaffServices.CookieName), Is.True);
        return browser;
    }

    /// <summary>A unit and a client in it, made by the signed-in admin from this site's own pages (same origin).</summary>
    private async Task<ClientView> ClientAsync(StaffBrowser admin)
    {
        var origin = Origin(_app);
        using var unit = await admin.SendAsync(Unsafe("/api/units", origin, "same-origin", new UnitRequest("Paja " + Guid.NewGuid().ToString("N")[..6], "167")));
        Assert.That(unit.StatusCode, Is.EqualTo(HttpStatusCode.Created), await unit.Content.ReadAsStringAsync());
        var unitId = (await unit.Content.ReadFromJsonAsync<UnitView>())!.Id;
        using var client = await admin.SendAsync(Unsafe("/api/clients", origin, "same-origin", new ClientRequest("Testi Asiakas", null, null, "fi", unitId, null)));
        Assert.That(client.StatusCode, Is.EqualTo(HttpStatusCode.Created), await client.Content.ReadAsStringAsync());
        return (await client.Content.ReadFromJsonAsync<ClientView>())!;
    }

    private static string Origin(KestrelTestApp app) => app.BaseAddress.GetLeftPart(UriPartial.Authority);

    private HttpRequestMessage Unsafe(string path, string? origin, string? fetchSite, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_app.BaseAddress, path)) { Content = JsonContent.Create(body ?? new { }) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return request;
    }
}
