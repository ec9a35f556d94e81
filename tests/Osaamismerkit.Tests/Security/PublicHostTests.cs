using System.Text;
using Microsoft.IdentityModel.Tokens;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Security;

/// <summary>Absolute URLs signed into badges come from Public:BaseUrl, never from the Host header a caller sends.</summary>
public sealed class PublicHostTests
{
    [Test]
    public async Task A_badge_issued_and_read_with_a_forged_host_header_names_only_the_configured_origin()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Public:BaseUrl"] = "https://osaamismerkit.example.fi" });
        var scenario = new Scenario(app);
        var unit = await scenario.UnitAsync("instructor-1");
        using var instructor = scenario.Instructor("instructor-1");
        instructor.DefaultRequestHeaders.Host = "evil.example";
        var client = await scenario.ClientAsync(instructor, unit, email: "maija@example.fi");
        var badge = scenario.Catalogue.Badges.First(b => b.Kind == BadgeKind.Skill && b.PrerequisiteIds.Count == 0);

        var issued = (await Scenario.PassAsync(instructor, Scenario.Passing(badge, client.Id, unit))).Badge!;

        using var anonymous = app.CreateClient();
        anonymous.DefaultRequestHeaders.Host = "evil.example";
        var jws = await anonymous.GetStringAsync(new Uri(issued.JwsUrl).PathAndQuery);
        var documents = new Dictionary<string, string>
        {
            ["assertion"] = await anonymous.GetStringAsync(new Uri(issued.JsonUrl).PathAndQuery),
            ["signed payload"] = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(jws.Split('.')[1])),
            ["public page"] = await anonymous.GetStringAsync(new Uri(issued.PublicUrl).PathAndQuery),
            ["issuer"] = await anonymous.GetStringAsync("/ob/issuer"),
            ["badge class"] = await anonymous.GetStringAsync($"/ob/badges/{badge.Id}/{badge.Version}"),
        };

        Assert.That(issued.JsonUrl, Does.StartWith("https://osaamismerkit.example.fi/"));
        Assert.That(documents.Where(d => d.Value.Contains("evil.example", StringComparison.Ordinal)).Select(d => d.Key), Is.Empty);
        Assert.That(documents["signed payload"], Does.Contain("https://osaamismerkit.example.fi/"));
    }
}
