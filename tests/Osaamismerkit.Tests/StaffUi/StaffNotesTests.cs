using System.Net.Http.Json;
using Osaamismerkit.Issuing;
using Osaamismerkit.Tests.Privacy;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.StaffUi;

/// <summary>
/// What staff write for themselves — the assessment's internal note and the note on a revocation — is theirs to read
/// again on the client's page and belongs in the client's data export, and is never published.
/// </summary>
public sealed class StaffNotesTests : StaffUiTestBase
{
    private const string InternalNote = "Tarvitsi tauon kesken näytön; jatkoi itse.";

    private const string RevocationNote = "Kirjattiin saman pajan toiselle asiakkaalle.";

    [Test]
    public async Task Staff_read_their_notes_on_the_client_page_and_in_the_export_and_nothing_public_shows_them()
    {
        var client = await ClientAsync(email: "muistiinpano@example.fi");
        using var api = Scenario.Instructor(InstructorSubject);
        var issued = (await Scenario.PassAsync(api, Scenario.Passing(Badge, client.Id, Unit) with { InternalNote = InternalNote })).Badge!;
        using var revoked = await api.PostAsJsonAsync($"/api/assertions/{issued.AssertionId}/revoke", new RevokeRequest(RevocationReasons.IssuedInError, RevocationNote));
        Assert.That(revoked.IsSuccessStatusCode, Is.True, await revoked.Content.ReadAsStringAsync());

        var page = Text(await PageAsync(Instructor, $"/staff/clients/{client.Id}"));
        var swedish = Text(await PageAsync(Instructor, $"/staff/clients/{client.Id}?lang=sv"));
        var export = (await Scenario.JsonAsync(api, $"/api/clients/{client.Id}/export")).ToString();
        using var anonymous = App.CreateClient();
        var published = await PublicTrace.CollectAsync(anonymous, Guid.Parse(issued.AssertionId));

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain($"Sisäinen muistiinpano (vain henkilöstölle): {InternalNote}"));
            Assert.That(page, Does.Contain($"Muistiinpano perumisesta (vain henkilöstölle): {RevocationNote}"));
            Assert.That(swedish, Does.Contain("Intern anteckning (endast för personalen)"), "labelled in the staff member's language");
            Assert.That(export, Does.Contain(InternalNote).And.Contain(RevocationNote), "a GDPR access request gets the staff notes too");
            Assert.That(published, Does.Not.Contain(InternalNote).And.Not.Contain(RevocationNote).And.Not.Contain("toiselle asiakkaalle"));
        });
    }

    [Test]
    public async Task Another_units_instructor_sees_neither_the_client_nor_the_notes()
    {
        var client = await ClientAsync(email: "toinen@example.fi");
        using var api = Scenario.Instructor(InstructorSubject);
        await Scenario.PassAsync(api, Scenario.Passing(Badge, client.Id, Unit) with { InternalNote = InternalNote });
        await Scenario.UnitAsync("instructor-9");
        using var stranger = Browser("instructor-9", Osaamismerkit.Staff.Roles.Instructor);

        using var response = await stranger.GetAsync($"/staff/clients/{client.Id}");

        Assert.That((int)response.StatusCode, Is.EqualTo(404));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(InternalNote));
    }
}
