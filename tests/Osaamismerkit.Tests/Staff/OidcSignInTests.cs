using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Staff;

/// <summary>
/// Browser sign-in end to end through the real OpenIdConnect handler against a real provider on 127.0.0.1:
/// authorization code with PKCE, the callback, the cookie session, role mapping and sign-out.
/// </summary>
[NonParallelizable]
public sealed class OidcSignInTests
{
    private DevIdentityProvider _provider = null!;
    private KestrelTestApp _app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var providerPort = DevIdentityProvider.FreePort();
        var appPort = DevIdentityProvider.FreePort();
        _app = await KestrelTestApp.StartAsync(appPort, new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = $"http://127.0.0.1:{providerPort}",
            ["Authentication:Oidc:ClientId"] = "osaamismerkit-dev",
            ["Authentication:Oidc:ClientSecret"] = "osaamismerkit-dev-secret",
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        });
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
    }

    [Test]
    public async Task An_instructor_signs_in_with_code_and_pkce_gets_a_cookie_session_with_their_role_and_signs_out()
    {
        using var browser = new StaffBrowser(_app.BaseAddress);

        var challenge = await browser.GetAsync("/signin?returnUrl=/api/clients");
        Assert.That(challenge.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var authorize = challenge.Headers.Location!;
        Assert.That(authorize.ToString(), Does.StartWith(_provider.Authority.ToString()));
        // .NET pushes the authorization request (PAR) when the provider offers it; PKCE travels in the pushed request,
        // and the provider requires it, so the sign-in below only succeeds with a correct code verifier.
        Assert.That(authorize.Query, Does.Contain("request_uri=").Or.Contain("code_challenge_method=S256"));

        var landed = await browser.SignInAsync(authorize, "ohjaaja");

        Assert.That(landed, Is.EqualTo(new Uri(_app.BaseAddress, "/api/clients")));
        Assert.That(browser.HasCookie(StaffServices.CookieName), Is.True);
        var clients = await browser.GetAsync("/api/clients");
        Assert.That(clients.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the Instructor role came from the provider's roles claim");
        Assert.That((await browser.GetAsync("/api/audit")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        var signOut = await browser.PostAsync(SignInEndpoints.SignOutPath);
        Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(signOut.Headers.Location!.ToString(), Does.StartWith(_provider.Authority + "session/end").And.Contain("id_token_hint="));
        Assert.That((await browser.GetAsync("/api/clients")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task An_admin_is_recognised_by_the_same_mapping_and_the_subject_is_the_providers_sub()
    {
        using var browser = new StaffBrowser(_app.BaseAddress);
        var challenge = await browser.GetAsync("/signin?returnUrl=/api/audit");

        await browser.SignInAsync(challenge.Headers.Location!, "admin");
        var export = await browser.GetAsync("/api/reports/badges/csv");
        var audit = await browser.GetAsync("/api/audit?entityType=report");

        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(audit.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the Admin role came from the provider's roles claim");
        // The provider (tools/dev-identity) gives each login its own name as sub: the audited actor is that subject,
        // not the cookie's or the provider's session id, nor the display name "Aaro Admin".
        var entries = JsonDocument.Parse(await audit.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "report.exported")
            .Select(e => (Actor: e.GetProperty("actorId").GetString(), Role: e.GetProperty("actorRole").GetString()))
            .ToList();
        Assert.That(entries, Is.EqualTo(new[] { ("admin", Roles.Admin) }));
    }

    [Test]
    public async Task A_page_request_without_a_session_is_sent_to_sign_in_but_an_api_request_gets_401()
    {
        using var browser = new StaffBrowser(_app.BaseAddress);

        var api = await browser.GetAsync("/api/clients");
        var openRedirect = await browser.GetAsync("/signin?returnUrl=//evil.example/");

        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var landed = await browser.SignInAsync(openRedirect.Headers.Location!, "ohjaaja");
        Assert.That(landed.AbsolutePath, Is.EqualTo(SignInEndpoints.AfterSignIn), "a foreign return URL is replaced by the staff start page");
        Assert.That(landed.Host, Is.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task A_tampered_callback_is_refused()
    {
        using var browser = new StaffBrowser(_app.BaseAddress);
        await browser.GetAsync("/signin?returnUrl=/api/clients");

        var forged = await browser.GetAsync("/signin-oidc?code=forged&state=forged");

        Assert.That((int)forged.StatusCode, Is.Not.EqualTo(302).And.Not.EqualTo(200));
        Assert.That(browser.HasCookie(StaffServices.CookieName), Is.False);
        Assert.That((await browser.GetAsync("/api/clients")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
