using System.Net;
using System.Text.RegularExpressions;

namespace Osaamismerkit.Tests.StaffUi;

public sealed partial class RevokeReasonTests : StaffUiTestBase
{
    [Test]
    public async Task A_reason_with_an_identity_code_is_refused_beside_the_reason_field_and_nothing_is_revoked()
    {
        var client = await ClientAsync(email: "peru@example.fi");
        using var api = Scenario.Instructor(InstructorSubject);
        var issued = (await Tests.Support.Scenario.PassAsync(api, Tests.Support.Scenario.Passing(Badge, client.Id, Unit))).Badge!;
        var form = $"/staff/clients/{client.Id}/badges/{issued.AssertionId}/revoke";
        var fields = HiddenFields(await PageAsync(Instructor, form), form);
        fields.Add(Field("reason", "Väärä henkilö 131052-308T"));

        using var response = await PostAsync(Instructor, form, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var error = ReasonError().Match(html);
        Assert.That(error.Success, Is.True, "an error shown under the reason field");
        Assert.That(Text(error.Value), Does.Contain("Henkilötunnusta ei saa tallentaa"));
        Assert.That(html, Does.Contain("href=\"#field-reason\""), "the error summary links to the reason field");
        Assert.That(await Scenario.CountAsync("assertions", "revoked_at IS NOT NULL"), Is.Zero);
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'assertion.revoked'"), Is.Zero);
    }

    [GeneratedRegex("""<div class="field-error" id="field-reason-error">.*?</div>""", RegexOptions.Singleline)]
    private static partial Regex ReasonError();
}
