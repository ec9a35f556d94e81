using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Staff;

/// <summary>Every endpoint is either a staff endpoint with a named policy or on the list of public ones on purpose.</summary>
public sealed class PolicyCoverageTests
{
    // Public on purpose: the Open Badges documents, badge pages, the wallet by token, the catalogue, verification,
    // claiming with a printed code, health, and the Open Badges 3.0 credentials with the issuer's did:web document and the
    // revocation status list that verifiers fetch, and the OpenID4VCI metadata, token, nonce and credential endpoints a
    // holder's wallet calls (the one-time code and access token are the authorization). (The API description is for staff
    // outside Development.) A new public endpoint must be added here.
    private static readonly string[] PublicPrefixes =
    [
        "/ob/", "/b/{shortId}", "/w/{token}", "/badges/", "/api/catalogue/", "/api/verify", "/verify", "/api/claims", "/claim",
        "/health/", "/signin", "/staff/sign-out", "/ob3/", "/.well-known/did.json",
        "/.well-known/openid-credential-issuer", "/.well-known/oauth-authorization-server", "/oid4vci/",
    ];

    private static readonly string[] StaffPolicies = [Policies.Instructor, Policies.ProjectStaff, Policies.Admin, Policies.Staff];

    [Test]
    public async Task Every_endpoint_names_a_staff_policy_or_is_public_on_purpose()
    {
        await using var app = await TestApp.StartAsync();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var isPublic = PublicPrefixes.Any(p => pattern.StartsWith(p, StringComparison.Ordinal));
            if (anonymous && !isPublic)
            {
                problems.Add($"{pattern}: anonymous but not on the public list");
            }
            else if (!anonymous && (policies.Count == 0 || !policies.All(p => p is not null && StaffPolicies.Contains(p))))
            {
                problems.Add($"{pattern}: no named staff policy ({string.Join(", ", policies.Select(p => p ?? "default"))})");
            }
        }

        Assert.That(endpoints, Has.Count.GreaterThan(20));
        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    [TestCase("/api/clients")]
    [TestCase("/api/audit")]
    [TestCase("/api/clients/x/badges")]
    public async Task Staff_endpoints_answer_anonymous_callers_with_401(string path)
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.That((int)response.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task An_expired_or_foreign_token_is_rejected()
    {
        await using var app = await TestApp.StartAsync();
        using var expired = app.CreateClient();
        expired.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create("i-1", [Roles.Instructor], lifetime: TimeSpan.FromMinutes(-10)));
        using var foreign = app.CreateClient();
        foreign.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create("i-1", [Roles.Instructor], key: new byte[32]));
        using var valid = app.CreateClient().As("i-1", Roles.Instructor);

        Assert.That((int)(await expired.GetAsync("/api/clients")).StatusCode, Is.EqualTo(401));
        Assert.That((int)(await foreign.GetAsync("/api/clients")).StatusCode, Is.EqualTo(401));
        Assert.That((int)(await valid.GetAsync("/api/clients")).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Project_staff_cannot_read_clients_and_instructors_cannot_read_the_audit_log()
    {
        await using var app = await TestApp.StartAsync();
        using var staff = app.CreateClient().As("p-1", Roles.ProjectStaff);
        using var instructor = app.CreateClient().As("i-1", Roles.Instructor);

        Assert.That((int)(await staff.GetAsync("/api/clients")).StatusCode, Is.EqualTo(403));
        Assert.That((int)(await instructor.GetAsync("/api/audit")).StatusCode, Is.EqualTo(403));
    }
}
