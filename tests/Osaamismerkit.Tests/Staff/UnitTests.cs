using System.Net;
using System.Net.Http.Json;
using Dapper;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Staff;

public sealed class UnitTests : IssuingTestBase
{
    [Test]
    public async Task The_fourteen_north_karelian_municipalities_are_there_from_the_start()
    {
        await using var connection = await App.Service<Database>().OpenAsync();
        var names = (await connection.QueryAsync<string>("SELECT name_fi FROM municipalities")).ToList();

        Assert.That(names, Has.Count.EqualTo(14));
        Assert.That(names, Does.Contain("Joensuu").And.Contain("Rääkkylä").And.Contain("Heinävesi"));
    }

    [Test]
    public async Task An_admin_creates_a_unit_and_adds_an_instructor_who_can_then_add_clients_there()
    {
        using var admin = Scenario.Admin();
        var audit = await Scenario.CountAsync("audit_log");

        using var created = await admin.PostAsJsonAsync("/api/units", new UnitRequest("Lieksan paja", "422"));
        var unit = (await created.Content.ReadFromJsonAsync<UnitView>())!;
        using var joined = await admin.PutAsync($"/api/units/{unit.Id}/members/newcomer", null);
        using var again = await admin.PutAsync($"/api/units/{unit.Id}/members/newcomer", null);
        using var newcomer = Scenario.Instructor("newcomer");
        var visible = await newcomer.GetFromJsonAsync<List<UnitView>>("/api/units");
        using var client = await newcomer.PostAsJsonAsync("/api/clients", new ClientRequest("Uusi", null, null, "fi", unit.Id, null));

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(unit.MunicipalityName, Is.EqualTo("Lieksa"));
        Assert.That(joined.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(visible!.Select(u => u.Id), Is.EqualTo(new[] { unit.Id }));
        Assert.That(client.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await Scenario.CountAsync("audit_log", "action IN ('unit.created', 'unit.member-added')"), Is.EqualTo(2), "adding twice is one change");
        Assert.That(await Scenario.CountAsync("audit_log") - audit, Is.EqualTo(3), "unit, membership, client");
    }

    [Test]
    public async Task Removing_a_member_takes_away_their_clients()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit);
        using var admin = Scenario.Admin();

        using var removed = await admin.DeleteAsync($"/api/units/{Unit}/members/instructor-1");
        using var after = await Instructor.GetAsync($"/api/clients/{client.Id}");

        Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'unit.member-removed'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Bad_units_are_refused_by_field_and_write_nothing()
    {
        using var admin = Scenario.Admin();
        var audit = await Scenario.CountAsync("audit_log");

        using var bad = await admin.PostAsJsonAsync("/api/units", new UnitRequest(" ", "999"));
        using var missing = await admin.PutAsync("/api/units/no-such-unit/members/someone", null);
        using var byInstructor = await Instructor.PostAsJsonAsync("/api/units", new UnitRequest("Oma paja", "167"));

        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(byInstructor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await Scenario.CountAsync("audit_log"), Is.EqualTo(audit));
    }
}
