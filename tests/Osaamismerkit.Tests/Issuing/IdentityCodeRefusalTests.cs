using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Osaamismerkit.Issuing;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Issuing;

/// <summary>
/// Free text that is published or shown widely must not carry a personal identity code (henkilötunnus): a revocation
/// reason is printed on the badge's public page and in the revocation list, a unit's name on every certificate.
/// </summary>
public sealed class IdentityCodeRefusalTests : IssuingTestBase
{
    private const string ValidIdentityCode = "131052-308T";

    [Test]
    public async Task A_revocation_reason_with_an_identity_code_is_refused_on_the_reason_and_the_badge_stays_valid()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "htu@example.fi");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;
        var audit = await Scenario.CountAsync("audit_log");

        using var response = await Instructor.PostAsJsonAsync($"/api/assertions/{issued.AssertionId}/revoke", new RevokeRequest($"Väärä henkilö {ValidIdentityCode}"));
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(errors.EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "reason" }), "a free-text reason is kept as the internal note, checked as one, and answered at the field sent");
        Assert.That(errors.GetProperty("reason")[0].GetString(), Does.Contain("Henkilötunnusta ei saa tallentaa"));
        Assert.That(await Scenario.CountAsync("assertions", "revoked_at IS NOT NULL"), Is.Zero);
        Assert.That(await Scenario.CountAsync("audit_log"), Is.EqualTo(audit));
    }

    [Test]
    public async Task A_unit_name_with_an_identity_code_is_refused_on_the_name_and_no_unit_is_made()
    {
        using var admin = Scenario.Admin();
        var units = await Scenario.CountAsync("units");

        using var response = await admin.PostAsJsonAsync("/api/units", new UnitRequest($"Paja {ValidIdentityCode}", "167"));
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(errors.EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "name" }));
        Assert.That(errors.GetProperty("name")[0].GetString(), Does.Contain("Henkilötunnusta ei saa tallentaa"));
        Assert.That(await Scenario.CountAsync("units"), Is.EqualTo(units));
    }
}
