using System.Net;
using System.Text.RegularExpressions;

namespace Osaamismerkit.Tests.StaffUi;

public sealed partial class RevokeReasonTests : StaffUiTestBase
{
    [Test]
    public async Task An_internal_note_with_an_identity_code_is_refused_beside_the_note_and_nothing_is_revoked()
    {
        var client = await ClientAsync(email: "peru@example.fi");
        using var api = Scenario.Instructor(InstructorSubject);
        var issued = (await Tests.Support.Scenario.PassAsync(api, Tests.Support.Scenario.Passing(Badge, client.Id, Unit))).Badge!;
        var form = $"/staff/clients/{client.Id}/badges/{issued.AssertionId}/revoke";
        var fields = HiddenFields(await PageAsync(Instructor, form), form);
        fields.Add(Field("reason", "issued_in_error"));
        fields.Add(Field("internalNote", "Väärä henkilö 131052-308T"));

        using var response = await PostAsync(Instructor, form, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var error = NoteError().Match(html);
        Assert.That(error.Success, Is.True, "an error shown under the note field");
        Assert.That(Text(error.Value), Does.Contain("Henkilötunnusta ei saa tallentaa"));
        Assert.That(html, Does.Contain("href=\"#field-internalNote\""), "the error summary links to the note field");
        Assert.That(await Scenario.CountAsync("assertions", "revoked_at IS NOT NULL"), Is.Zero);
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'assertion.revoked'"), Is.Zero);
    }

    [Test]
    public async Task A_reason_that_is_not_on_the_list_is_refused_on_the_form()
    {
        var client = await ClientAsync(email: "lista@example.fi");
        using var api = Scenario.Instructor(InstructorSubject);
        var issued = (await Tests.Support.Scenario.PassAsync(api, Tests.Support.Scenario.Passing(Badge, client.Id, Unit))).Badge!;
        var form = $"/staff/clients/{client.Id}/badges/{issued.AssertionId}/revoke";
        var fields = HiddenFields(await PageAsync(Instructor, form), form);
        fields.Add(Field("reason", "Maija pyysi"));

        using var response = await PostAsync(Instructor, form, fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Scenario.CountAsync("assertions", "revoked_at IS NOT NULL"), Is.Zero);
    }

    [GeneratedRegex("""<div class="field-error" id="field-internalNote-error">.*?</div>""", RegexOptions.Singleline)]
    private static partial Regex NoteError();
}
