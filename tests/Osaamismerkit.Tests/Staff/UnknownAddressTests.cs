using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Staff;

/// <summary>
/// Only staff pages start a sign-in. Before, every anonymous request no endpoint answered (a browser's /favicon.ico on
/// every public page view) was sent to /signin and made a pushed authorization request to the identity provider.
/// </summary>
public sealed class UnknownAddressTests
{
    private TestApp _app = null!;
    private HttpClient _browser = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _app = await TestApp.StartAsync();
        _browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    [TearDown]
    public async Task StopAsync()
    {
        _browser.Dispose();
        await _app.DisposeAsync();
    }

    [TestCase("/favicon.ico", "image/x-icon")]
    [TestCase("/apple-touch-icon.png", "image/png")]
    [TestCase("/robots.txt", "text/plain")]
    public async Task The_icons_and_robots_txt_are_served_to_anyone_without_a_sign_in(string path, string mediaType)
    {
        using var response = await _browser.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
        Assert.That((await response.Content.ReadAsByteArrayAsync()).Length, Is.GreaterThan(0));
    }

    [Test]
    public async Task Robots_txt_keeps_staff_wallet_and_api_addresses_out_of_search_engines()
    {
        var robots = await _browser.GetStringAsync("/robots.txt");

        Assert.That(robots, Does.Contain("Disallow: /staff").And.Contain("Disallow: /w/").And.Contain("Disallow: /api/"));
        Assert.That(robots, Does.Not.Contain("Disallow: /b/"), "badge pages are meant to be found");
    }

    [TestCase("/apple-touch-icon-precomposed.png")]
    [TestCase("/wp-login.php")]
    [TestCase("/claim-my-badge")]
    [TestCase("/b")]
    public async Task An_anonymous_request_for_an_unknown_address_gets_the_friendly_not_found_page(string path)
    {
        using var response = await _browser.GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Headers.Location, Is.Null);
        Assert.That(html, Does.Contain("Sivua ei löytynyt"));
    }

    [Test]
    public async Task The_not_found_page_speaks_the_asked_language()
    {
        using var response = await _browser.GetAsync("/no-such-page?lang=en");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<html lang=\"en\">"));
    }

    [Test]
    public async Task An_unknown_api_address_is_a_404_problem_not_a_sign_in()
    {
        using var response = await _browser.GetAsync("/api/no-such-thing");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [TestCase("/staff")]
    [TestCase("/staff/clients")]
    [TestCase("/staff/no-such-page")]
    public async Task Staff_pages_still_start_a_sign_in(string path)
    {
        using var response = await _browser.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Does.Contain("/signin"));
    }
}
