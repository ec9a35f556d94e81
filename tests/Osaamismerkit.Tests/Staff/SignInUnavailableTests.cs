using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Staff;

/// <summary>
/// Following the README without the development identity provider running: /staff must say what is wrong in a page,
/// not answer a bare 500 (and log a stack trace).
/// </summary>
public sealed class SignInUnavailableTests
{
    [Test]
    public async Task Signing_in_while_the_identity_provider_does_not_answer_shows_a_plain_page()
    {
        // Port 1 on the loopback refuses connections at once: a provider that is not running.
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = "http://127.0.0.1:1/",
            ["Authentication:Oidc:ClientId"] = "osaamismerkit",
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        });
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var staff = await browser.GetAsync("/staff");
        using var signIn = await browser.GetAsync(staff.Headers.Location!.PathAndQuery);
        var html = await signIn.Content.ReadAsStringAsync();

        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(signIn.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("Kirjautuminen ei toimi juuri nyt"));
        Assert.That(html, Does.Not.Contain("Exception").And.Not.Contain("tools/dev-identity"), "no stack trace; the development hint only in Development");
    }
}
