using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Staff;

/// <summary>Project staff audit progress without seeing who: no endpoint gives them a client's name or id.</summary>
public sealed class ProjectStaffPrivacyTests : IssuingTestBase
{
    [Test]
    // An id the caller put in the path may be echoed back in a 404; anything else about the client must not appear.
    public async Task No_get_endpoint_returns_a_client_name_or_id_to_project_staff()
    {
        const string name = "Yksityinen Ylläpitäjätär";
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "private-person@example.fi", name: name);
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;
        var assertionId = Guid.Parse(issued.AssertionId);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = client.Id,
            ["clientId"] = client.Id,
            ["assertionId"] = issued.AssertionId,
            ["shortId"] = ShortIds.Encode(assertionId),
            ["unitId"] = Unit,
            ["badgeId"] = BasicBadge.Id,
            ["version"] = BasicBadge.Version,
            ["token"] = "not-a-token",
            ["keyId"] = "k0",
            ["assessmentId"] = "x",
            ["kind"] = "levels",
            ["baselineId"] = "x",
        };
        using var staff = App.CreateClient().As("project-1", Roles.ProjectStaff);
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .ToList();

        var leaks = new List<string>();
        var reached = 0;
        foreach (var endpoint in endpoints)
        {
            var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => values.GetValueOrDefault(parameter.Name, "x"),
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                _ => string.Empty,
            }))));
            using var response = await staff.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            reached += response.IsSuccessStatusCode ? 1 : 0;
            if (body.Contains(name, StringComparison.Ordinal) || body.Contains("Ylläpitäjätär", StringComparison.Ordinal)
                || (body.Contains(client.Id, StringComparison.Ordinal) && !path.Contains(client.Id, StringComparison.Ordinal))
                || body.Contains("private-person", StringComparison.Ordinal))
            {
                leaks.Add($"{path} ({(int)response.StatusCode})");
            }
        }

        Assert.That(reached, Is.GreaterThanOrEqualTo(8), "the sweep should reach the endpoints project staff may read");
        Assert.That(leaks, Is.Empty, string.Join(Environment.NewLine, leaks));
    }
}
