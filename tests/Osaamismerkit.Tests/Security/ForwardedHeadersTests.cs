using System.Net;
using System.Net.Http.Json;
using Osaamismerkit.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Security;

/// <summary>
/// Rate limits count per client address. Behind a reverse proxy that address comes from X-Forwarded-For, but only when
/// the peer is a proxy the operator named: anyone else could otherwise pick a fresh bucket for every guess.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Test]
    public async Task A_forged_forwarded_address_from_an_unconfigured_peer_does_not_change_the_rate_limit_bucket()
    {
        // What App Service and the container images set: the framework then trusts X-Forwarded-For from anyone.
        await using var app = await StartAsync(new() { ["FORWARDEDHEADERS_ENABLED"] = "true" });
        using var http = app.Http();

        var first = await GuessAsync(http, "203.0.113.1");
        var second = await GuessAsync(http, "203.0.113.2");

        Assert.That((first, second), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests)));
    }

    [TestCase("ForwardedHeaders:KnownProxies:0", "127.0.0.1")]
    [TestCase("ForwardedHeaders:KnownNetworks:0", "127.0.0.0/8")]
    public async Task Through_a_configured_proxy_each_forwarded_client_has_its_own_bucket(string key, string value)
    {
        await using var app = await StartAsync(new() { [key] = value });
        using var http = app.Http();

        var first = await GuessAsync(http, "203.0.113.1");
        var other = await GuessAsync(http, "203.0.113.2");
        var firstAgain = await GuessAsync(http, "203.0.113.1");

        Assert.That((first, other, firstAgain), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests)));
    }

    [TestCase("ForwardedHeaders:KnownProxies:0", "proxy.example")]
    [TestCase("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99")]
    public void A_proxy_that_is_not_an_address_stops_start_up(string key, string value)
    {
        var failure = Assert.CatchAsync(async () => await (await StartAsync(new() { [key] = value })).DisposeAsync());

        Assert.That(failure!.ToString(), Does.Contain(key.Split(':')[0] + ":" + key.Split(':')[1]));
    }

    private static Task<KestrelTestApp> StartAsync(Dictionary<string, string?> settings)
    {
        settings["RateLimits:GuessingPermitsPerMinute"] = "1";
        return KestrelTestApp.StartAsync(0, settings);
    }

    private static async Task<HttpStatusCode> GuessAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/claims") { Content = JsonContent.Create(new ClaimRequest("ABCD-EFGH-JKMN", "x@example.fi")) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
