using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Clients;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Tests.Support;
using Osaamismerkit.Verification;

namespace Osaamismerkit.Tests.Issuing;

public sealed class PersonalDataTests : IssuingTestBase
{
    [Test]
    public async Task An_export_holds_the_clients_data_and_is_itself_audited()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "export@example.fi", name: "Vieno Vienola");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;

        var export = JsonDocument.Parse(await Instructor.GetStringAsync($"/api/clients/{client.Id}/export")).RootElement;

        Assert.That(export.GetProperty("client").GetProperty("displayName").GetString(), Is.EqualTo("Vieno Vienola"));
        Assert.That(export.GetProperty("client").GetProperty("email").GetString(), Is.EqualTo("export@example.fi"));
        Assert.That(export.GetProperty("assessments")[0].GetProperty("evidence_note").GetString(), Is.EqualTo("Kirjautui itse ja löysi tiedot."));
        Assert.That(export.GetProperty("assertions")[0].GetProperty("id").GetString(), Is.EqualTo(issued.AssertionId));
        Assert.That(export.GetProperty("auditEntries").EnumerateArray().Select(e => e.GetProperty("action").GetString()),
            Does.Contain("client.created").And.Contain("assertion.issued"));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'client.exported' AND entity_id = @Id", new { client.Id }), Is.EqualTo(1));
    }

    [Test]
    public async Task Erasure_removes_personal_data_revokes_the_badges_and_keeps_the_revocation_list()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "erase@example.fi", phone: "0401112222", name: "Poistettava Henkilö");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit, note: "Henkilö kertoi taustastaan."))).Badge!;
        using var admin = Scenario.Admin();

        using var response = await admin.PostAsJsonAsync($"/api/clients/{client.Id}/erase", new ClientErasureRequest(client.Id));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var after = await admin.GetFromJsonAsync<ClientView>($"/api/clients/{client.Id}");
        Assert.That(after!.DisplayName, Is.EqualTo(ClientErasure.ErasedName));
        Assert.That(after.Email, Is.Null);
        Assert.That(after.Phone, Is.Null);
        Assert.That(await Scenario.CountAsync("assessments", "evidence_note <> ''"), Is.Zero);
        Assert.That(await Scenario.CountAsync("assertions", "assertion_json LIKE '%recipient%' OR assertion_json LIKE '%Henkilö%'"), Is.Zero);

        var revoked = (await Scenario.JsonAsync(Anonymous, "/ob/revocations")).GetProperty("revokedAssertions").EnumerateArray().Single(r => r.GetProperty("id").GetString() != ObDocuments.NoAssertion);
        Assert.That(revoked.GetProperty("id").GetString(), Is.EqualTo("urn:uuid:" + issued.AssertionId));
        Assert.That(revoked.GetProperty("revocationReason").GetString(), Is.EqualTo("Merkki peruttiin saajan pyynnöstä."), "only the listed wording is published");
        using var jws = await Anonymous.GetAsync(issued.JwsUrl);
        Assert.That(jws.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var scope = App.Services.CreateScope();
        var status = await scope.ServiceProvider.GetRequiredService<AssertionVerifier>().CheckAsync(Guid.Parse(issued.AssertionId));
        Assert.That(status!.Status, Is.EqualTo(VerificationStatus.Revoked));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'client.erased'"), Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'assertion.revoked'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Erasure_needs_an_admin_and_a_typed_confirmation()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "keep@example.fi");
        using var admin = Scenario.Admin();
        var audit = await Scenario.CountAsync("audit_log");

        using var byInstructor = await Instructor.PostAsJsonAsync($"/api/clients/{client.Id}/erase", new ClientErasureRequest(client.Id));
        using var unconfirmed = await admin.PostAsJsonAsync($"/api/clients/{client.Id}/erase", new ClientErasureRequest("wrong"));

        Assert.That(byInstructor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(unconfirmed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Scenario.CountAsync("audit_log"), Is.EqualTo(audit));
        Assert.That((await Instructor.GetFromJsonAsync<ClientView>($"/api/clients/{client.Id}"))!.Email, Is.EqualTo("keep@example.fi"));
    }
}
