using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Security;

/// <summary>What the API takes as a bearer token, and that the cross-site check leaves bearer calls alone.</summary>
public sealed class BearerTokenTests
{
    [TestCase("nonce")]
    [TestCase("at_hash")]
    [TestCase("c_hash")]
    public async Task A_token_carrying_an_id_token_claim_is_refused_even_with_the_apis_audience(string idTokenClaim)
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        var token = TestTokens.Create("instructor-1", [Roles.Instructor], extra: [new Claim(idTokenClaim, "n-0S6_WzA2Mj")]);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/api/clients");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task An_access_token_for_the_api_is_still_accepted()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient().As("instructor-1", Roles.Instructor);

        using var response = await client.GetAsync("/api/clients");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_bearer_call_from_a_foreign_origin_is_served_because_no_cookie_rides_along()
    {
        await using var app = await TestApp.StartAsync();
        var scenario = new Scenario(app);
        var unit = await scenario.UnitAsync("instructor-1");
        using var instructor = scenario.Instructor("instructor-1");
        var client = await scenario.ClientAsync(instructor, unit);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/clients/{client.Id}/wallet-link") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Origin", "https://integration.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var response = await instructor.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }
}
