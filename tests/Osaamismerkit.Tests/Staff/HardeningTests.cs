using System.Net;
using System.Net.Http.Json;
using Osaamismerkit.Infrastructure.Security;
using Osaamismerkit.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Staff;

public sealed class HardeningTests
{
    [TestCase("/api/catalogue/badges")]
    [TestCase("/health/live")]
    [TestCase("/api/clients")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(csp, Is.EqualTo(SecurityHeaders.ContentSecurityPolicy(null)), "no identity provider is configured in these tests");
        Assert.That(csp, Does.StartWith("default-src 'self'").And.Contain("form-action 'self';").And.Not.Contain("unsafe-inline"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
    }

    [Test]
    public async Task Forms_may_also_go_to_the_identity_provider_so_that_sign_out_can_reach_it()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = "https://login.example.fi/tenant/v2.0",
            ["Authentication:Oidc:ClientId"] = "osaamismerkit",
        });
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health/live");

        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("form-action 'self' https://login.example.fi;"));
    }

    [Test]
    public async Task Guessing_claim_codes_is_slowed_down_with_429_problem_details()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:GuessingPermitsPerMinute"] = "3" });
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/claims", new ClaimRequest("ABCD-EFGH-JKMN", "x@example.fi"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
            }
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests }));
    }
}
