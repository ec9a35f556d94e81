using System.Net;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Tests.StaffUi;

public sealed class ClientPagesTests : StaffUiTestBase
{
    [Test]
    public async Task The_client_list_shows_only_the_instructors_own_units_and_search_ignores_case_and_accents()
    {
        await ClientAsync("Aino Hämäläinen");
        await ClientAsync("Bertil Öhman");
        var otherUnit = await Scenario.UnitAsync("instructor-2");
        using (var other = Scenario.Instructor("instructor-2"))
        {
            await Scenario.ClientAsync(other, otherUnit, name: "Toisen Pajan Asiakas");
        }

        var all = Text(await PageAsync(Instructor, "/staff/clients"));
        var found = Text(await PageAsync(Instructor, "/staff/clients?q=hamalainen"));

        Assert.That(all, Does.Contain("Aino Hämäläinen").And.Contain("Bertil Öhman").And.Not.Contain("Toisen Pajan"));
        Assert.That(found, Does.Contain("Aino Hämäläinen").And.Not.Contain("Bertil Öhman"));
    }

    [Test]
    public async Task Adding_a_client_through_the_form_opens_their_page_and_writes_one_audit_row()
    {
        var form = await PageAsync(Instructor, "/staff/clients/new");
        var fields = HiddenFields(form, "/staff/clients/new");
        fields.AddRange([Field("displayName", "Uusi Asiakas"), Field("unitId", Unit), Field("preferredLanguage", "sv")]);

        using var response = await PostAsync(Instructor, "/staff/clients/new", fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(Location(response), Does.Match("^/staff/clients/[0-9a-f-]{36}\\?added=1$"));
        var page = Text(await PageAsync(Instructor, Location(response)));
        Assert.That(page, Does.Contain("Uusi Asiakas").And.Contain("Asiakas on lisätty.").And.Contain("Kieli: ruotsi"));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'client.created'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Sending_the_same_add_form_twice_adds_the_client_once()
    {
        var fields = HiddenFields(await PageAsync(Instructor, "/staff/clients/new"), "/staff/clients/new");
        fields.AddRange([Field("displayName", "Kahdesti Lähetetty"), Field("unitId", Unit)]);

        using var first = await PostAsync(Instructor, "/staff/clients/new", fields);
        using var second = await PostAsync(Instructor, "/staff/clients/new", fields);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(Location(second).Split('?')[0], Is.EqualTo(Location(first).Split('?')[0]));
        Assert.That(await Scenario.CountAsync("clients"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_refused_client_form_keeps_what_was_typed_and_marks_each_field()
    {
        var fields = HiddenFields(await PageAsync(Instructor, "/staff/clients/new"), "/staff/clients/new");
        fields.AddRange([Field("displayName", "Virhe 131052-308T"), Field("email", "ei-osoite"), Field("unitId", Unit)]);

        using var response = await PostAsync(Instructor, "/staff/clients/new", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("id=\"error-summary\"").And.Contain("href=\"#field-displayName\"").And.Contain("href=\"#field-email\""));
        Assert.That(html, Does.Contain("aria-invalid=\"true\""));
        Assert.That(html, Does.Contain("value=\"ei-osoite\""));
        Assert.That(Text(html), Does.Contain("Henkilötunnusta ei saa tallentaa"));
        Assert.That(await Scenario.CountAsync("clients"), Is.Zero);
    }

    [Test]
    public async Task A_client_of_another_unit_looks_like_one_that_does_not_exist()
    {
        var client = await ClientAsync();
        await Scenario.UnitAsync("instructor-2");
        using var other = Browser("instructor-2", Roles.Instructor);

        foreach (var path in new[] { $"/staff/clients/{client.Id}", $"/staff/clients/{client.Id}/record", $"/staff/clients/{client.Id}/record/{Badge.Id}" })
        {
            var html = await PageAsync(other, path, HttpStatusCode.NotFound);
            Assert.That(Text(html), Does.Contain("Sivua ei löytynyt").And.Not.Contain(client.DisplayName), path);
        }
    }

    [Test]
    public async Task Project_staff_are_sent_from_the_start_page_to_the_reports_and_kept_out_of_client_pages()
    {
        using var staff = Browser("project-1", Roles.ProjectStaff);

        using var start = await staff.GetAsync("/staff");
        var clients = await PageAsync(staff, "/staff/clients", HttpStatusCode.Forbidden);

        Assert.That(start.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(Location(start), Is.EqualTo("/staff/reports"));
        Assert.That(Text(clients), Does.Contain("Ei käyttöoikeutta"));
    }

    [Test]
    public async Task Instructors_start_from_the_client_list_and_anonymous_visitors_get_nothing()
    {
        using var anonymous = Browser();

        using var start = await Instructor.GetAsync("/staff");
        using var page = await anonymous.GetAsync("/staff/clients");

        Assert.That(Location(start), Is.EqualTo("/staff/clients"));
        Assert.That((int)page.StatusCode, Is.Not.EqualTo(200));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Not.Contain("Asiakkaat"));
    }

    [Test]
    public async Task A_language_chosen_once_stays_for_the_next_pages()
    {
        var swedish = await PageAsync(Instructor, "/staff/clients?lang=sv");
        var next = await PageAsync(Instructor, "/staff/clients/new");

        Assert.That(swedish, Does.Contain("<html lang=\"sv\">"));
        Assert.That(next, Does.Contain("<html lang=\"sv\">"));
        Assert.That(Text(next), Does.Contain("Lägg till klient"));
    }

    [Test]
    public async Task The_baseline_table_scrolls_in_its_own_box_so_a_phone_page_never_scrolls_sideways()
    {
        var client = await ClientAsync();
        await Reports.Baselines.AddAsync(App, client.Id, Unit, "167", new DateOnly(2026, 3, 2), 1);
        await Reports.Baselines.AddAsync(App, client.Id, Unit, "167", new DateOnly(2026, 9, 14), 2);

        var html = await PageAsync(Instructor, $"/staff/clients/{client.Id}");
        var css = await Instructor.GetStringAsync("/css/staff.css");

        Assert.That(html, Does.Match("""<div class="table-scroll"[^>]*>\s*<table class="data-table">\s*<caption class="visually-hidden">Taitotaso osaamisalueittain"""));
        Assert.That(css, Does.Match(@"\.table-scroll\s*\{[^}]*overflow-x:\s*auto"));
    }

    [TestCase("/staff/clients")]
    [TestCase("/staff/clients/new")]
    public async Task Staff_pages_are_never_cached_and_carry_no_inline_style_or_script(string path)
    {
        using var response = await Instructor.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(html, Does.Not.Contain(" style=").And.Not.Contain("<style").And.Not.Match("<script(?![^>]*src=)"));
    }
}
