using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Osaamismerkit.Clients;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Issuing;

public sealed class ClientTests : IssuingTestBase
{
    [TestCase("Matti 010190-123A", null, "displayName")]
    [TestCase("Matti", "131052-308T@example.fi", "email")]
    [TestCase("Liisa 311299A9876", null, "displayName")]
    public async Task Input_that_looks_like_a_personal_identity_code_is_refused(string name, string? email, string field)
    {
        using var response = await Instructor.PostAsJsonAsync("/api/clients", new ClientRequest(name, email, null, "fi", Unit, null));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").GetProperty(field)[0].GetString(), Does.Contain("Henkilötunnusta ei saa tallentaa"));
        Assert.That(await Scenario.CountAsync("clients"), Is.Zero);
    }

    [Test]
    public async Task An_evidence_note_with_a_personal_identity_code_is_refused()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "w@example.fi");
        var request = Scenario.Passing(BasicBadge, client.Id, Unit, note: "Asiakas (hetu 010190-123A) kirjautui.");

        using var response = await Scenario.AssessAsync(Instructor, request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Scenario.CountAsync("assessments"), Is.Zero);
    }

    [Test]
    public async Task A_client_needs_no_email_and_contacts_are_encrypted_at_rest()
    {
        var withoutEmail = await Scenario.ClientAsync(Instructor, Unit);
        var withEmail = await Scenario.ClientAsync(Instructor, Unit, email: "secret.person@example.fi", phone: "0401234567");

        Assert.That(withoutEmail.Email, Is.Null);
        Assert.That(withEmail.Email, Is.EqualTo("secret.person@example.fi"));
        Assert.That(await Scenario.CountAsync("clients", "email_protected LIKE '%secret%' OR phone_protected LIKE '%401234567%'"), Is.Zero);
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'client.created'"), Is.EqualTo(2));
    }

    [Test]
    public async Task Bad_client_input_is_reported_field_by_field_in_the_callers_language()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/clients")
        {
            Content = JsonContent.Create(new ClientRequest("", "nope", "12", "de", null, null)),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var response = await Instructor.SendAsync(request);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(errors.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "displayName", "email", "phone", "preferredLanguage", "unitId" }));
        Assert.That(errors.GetProperty("email")[0].GetString(), Does.StartWith("The e-mail address is not valid"));
    }

    [Test]
    public async Task An_instructor_sees_only_the_clients_of_their_own_units()
    {
        var mine = await Scenario.ClientAsync(Instructor, Unit, name: "Oma Asiakas");
        var otherUnit = await Scenario.UnitAsync("instructor-2");
        using var other = Scenario.Instructor("instructor-2");
        var theirs = await Scenario.ClientAsync(other, otherUnit, name: "Toisen Asiakas");

        var list = await Instructor.GetFromJsonAsync<List<ClientSummary>>("/api/clients");
        using var direct = await Instructor.GetAsync($"/api/clients/{theirs.Id}");
        using var create = await Instructor.PostAsJsonAsync("/api/clients", new ClientRequest("X", null, null, "fi", otherUnit, null));
        using var assess = await Scenario.AssessAsync(Instructor, Scenario.Passing(BasicBadge, theirs.Id, Unit));

        Assert.That(list!.Select(c => c.Id), Is.EqualTo(new[] { mine.Id }));
        Assert.That(direct.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(assess.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Scenario.CountAsync("assessments"), Is.Zero);
    }

    [Test]
    public async Task Name_search_folds_finnish_letters()
    {
        await Scenario.ClientAsync(Instructor, Unit, name: "Äijälä Öhman");
        await Scenario.ClientAsync(Instructor, Unit, name: "Virtanen");

        var found = await Instructor.GetFromJsonAsync<List<ClientSummary>>("/api/clients?q=äijä");

        Assert.That(found!.Select(c => c.DisplayName), Is.EqualTo(new[] { "Äijälä Öhman" }));
    }

    [Test]
    public async Task Changing_a_client_writes_one_audit_row()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit);
        var audit = await Scenario.CountAsync("audit_log");

        using var response = await Instructor.PutAsJsonAsync($"/api/clients/{client.Id}", new ClientRequest("Uusi Nimi", "new@example.fi", null, "sv", Unit, null));
        var changed = (await response.Content.ReadFromJsonAsync<ClientView>())!;

        Assert.That(changed.DisplayName, Is.EqualTo("Uusi Nimi"));
        Assert.That(changed.PreferredLanguage, Is.EqualTo("sv"));
        Assert.That(await Scenario.CountAsync("audit_log") - audit, Is.EqualTo(1));
    }

    [Test]
    public async Task Anonymous_callers_cannot_reach_clients()
    {
        using var response = await Anonymous.GetAsync("/api/clients");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
