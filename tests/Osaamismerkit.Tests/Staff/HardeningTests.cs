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

        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(SecurityHeaders.ContentSecurityPolicy));
        Assert.That(SecurityHeaders.ContentSecurityPolicy, Does.Not.Contain("unsafe-inline"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
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
