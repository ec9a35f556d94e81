using System.Net;
using System.Text.RegularExpressions;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Tests.StaffUi;

public sealed partial class RecordPagesTests : StaffUiTestBase
{
    [Test]
    public async Task The_picker_finds_badges_by_name_in_any_language_and_filters_by_track_area_and_level()
    {
        var client = await ClientAsync();
        var messaging = Scenario.Catalogue.Find("citizen-messaging-2")!;

        var bySwedish = Text(await PageAsync(Instructor, $"/staff/clients/{client.Id}/record?q=e-post"));
        var byEnglish = Text(await PageAsync(Instructor, $"/staff/clients/{client.Id}/record?q=messaging"));
        var worklifeNext = await PageAsync(Instructor, $"/staff/clients/{client.Id}/record?track=worklife&level=3");

        Assert.That(bySwedish, Does.Contain(messaging.Name.Fi));
        Assert.That(byEnglish, Does.Contain(messaging.Name.Fi));
        var shown = BadgeLinks().Matches(worklifeNext).Select(m => Scenario.Catalogue.Find(m.Groups["id"].Value)!).ToList();
        Assert.That(shown, Is.Not.Empty);
        Assert.That(shown, Has.All.Matches<BadgeDefinition>(b => b.Track == Track.WorkLife && b.Level == 3 && b.Kind == BadgeKind.Skill));
        Assert.That(shown, Has.Count.EqualTo(Scenario.Catalogue.Badges.Count(b => b.Track == Track.WorkLife && b.Level == 3 && b.Kind == BadgeKind.Skill)));
    }

    [Test]
    public async Task A_demonstration_missing_one_criterion_saves_progress_and_a_full_one_issues_the_badge()
    {
        var client = await ClientAsync();
        var badge = Badge;
        var required = badge.Criteria.Where(c => c.Required).ToList();
        var form = $"/staff/clients/{client.Id}/record/{badge.Id}";

        using var first = await SendAsync(form, required.Skip(1).Select(c => c.Id));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        var progress = Text(await PageAsync(Instructor, Location(first)));
        Assert.That(progress, Does.Contain("Eteneminen tallennettu").And.Contain(required[0].Text.Fi));
        Assert.That(progress, Does.Contain($"{required.Count - 1}/{required.Count}"));

        var overview = Text(await PageAsync(Instructor, $"/staff/clients/{client.Id}"));
        Assert.That(overview, Does.Contain("Kesken").And.Contain(required[0].Text.Fi));

        var again = await PageAsync(Instructor, form);
        Assert.That(Text(again), Does.Contain("onnistui viime kerralla"));
        using var second = await SendAsync(form, required.Select(c => c.Id));
        var issued = await PageAsync(Instructor, Location(second));

        Assert.That(Text(issued), Does.Contain("Merkki myönnetty").And.Contain(badge.Name.Fi));
        Assert.That(issued, Does.Match("href=\"http://localhost/b/[A-Za-z0-9_-]+\""));
        Assert.That(await Scenario.CountAsync("assertions", "client_id = @Id AND revoked_at IS NULL", new { client.Id }), Is.EqualTo(1));
    }

    [Test]
    public async Task A_client_without_contact_details_gets_a_claim_code_on_the_result_page()
    {
        var client = await ClientAsync();

        using var sent = await SendAsync($"/staff/clients/{client.Id}/record/{Badge.Id}", Badge.Criteria.Select(c => c.Id));
        var page = Text(await PageAsync(Instructor, Location(sent)));

        Assert.That(page, Does.Match("Merkin koodi asiakkaalle: [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}"));
    }

    [Test]
    public async Task A_claim_code_is_shown_in_one_piece_that_never_breaks_at_its_hyphens()
    {
        var client = await ClientAsync();

        using var sent = await SendAsync($"/staff/clients/{client.Id}/record/{Badge.Id}", Badge.Criteria.Select(c => c.Id));
        var result = await PageAsync(Instructor, Location(sent));
        var overview = await PageAsync(Instructor, $"/staff/clients/{client.Id}");
        var css = await Instructor.GetStringAsync("/css/public.css");

        var code = Regex.Match(Text(result), "[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}").Value;
        Assert.That(code, Is.Not.Empty);
        Assert.That(result, Does.Contain($"<span class=\"claim-code\">{code}</span>"), "result page");
        Assert.That(overview, Does.Contain($"<span class=\"code claim-code\">{code}</span>"), "client page");
        Assert.That(css, Does.Match(@"\.claim-code\s*\{[^}]*white-space:\s*nowrap"));
    }

    [Test]
    public async Task The_result_page_offers_one_way_to_record_next_this_badge_after_progress_another_after_an_issue()
    {
        var client = await ClientAsync();
        var form = $"/staff/clients/{client.Id}/record/{Badge.Id}";
        var required = Badge.Criteria.Where(c => c.Required).ToList();

        using var first = await SendAsync(form, required.Skip(1).Select(c => c.Id));
        var progress = Text(await PageAsync(Instructor, Location(first)));
        using var second = await SendAsync(form, Badge.Criteria.Select(c => c.Id));
        var issued = Text(await PageAsync(Instructor, Location(second)));

        Assert.That(progress, Does.Contain("Kirjaa uusi näyttö").And.Not.Contain("Kirjaa toinen näyttö"));
        Assert.That(issued, Does.Contain("Kirjaa toinen näyttö").And.Not.Contain("Kirjaa uusi näyttö"));
    }

    [Test]
    public async Task Sending_the_same_form_twice_records_and_issues_once()
    {
        var client = await ClientAsync(email: "kaksi@example.fi");
        var form = $"/staff/clients/{client.Id}/record/{Badge.Id}";
        var fields = await FilledAsync(form, Badge.Criteria.Select(c => c.Id));

        using var first = await PostAsync(Instructor, form, fields);
        using var second = await PostAsync(Instructor, form, fields);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(Location(second), Is.EqualTo(Location(first)));
        Assert.That(await Scenario.CountAsync("assessments"), Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("assertions"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_refused_demonstration_shows_the_reasons_and_keeps_the_ticks_and_the_note()
    {
        var client = await ClientAsync();
        var form = $"/staff/clients/{client.Id}/record/{Badge.Id}";
        var fields = (await FilledAsync(form, [Badge.Criteria[0].Id], note: "Henkilötunnus 131052-308T"))
            .Where(f => f.Key != "demonstratedOn").Append(Field("demonstratedOn", "2030-01-01")).ToList();

        using var response = await PostAsync(Instructor, form, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(html, Does.Contain("href=\"#field-statement\"").And.Contain("href=\"#field-demonstratedOn\""));
        Assert.That(WebUtility.HtmlDecode(html), Does.Contain("Henkilötunnus 131052-308T</textarea>"));
        Assert.That(html, Does.Match($"value=\"{Badge.Criteria[0].Id}\" checked"));
        Assert.That(await Scenario.CountAsync("assessments"), Is.Zero);
    }

    [Test]
    public async Task The_statement_field_says_plainly_that_it_is_published_and_the_internal_note_that_it_is_not()
    {
        var client = await ClientAsync();

        var html = await PageAsync(Instructor, $"/staff/clients/{client.Id}/record/{Badge.Id}");

        Assert.That(Text(html), Does.Contain("Näkyy merkissä julkisesti").And.Contain("Vain henkilökunnalle"));
        Assert.That(html, Does.Match("<textarea id=\"field-statement\"[^>]*aria-describedby=\"statement-hint statement-public\""));
        Assert.That(html, Does.Match("<textarea id=\"field-internalNote\"[^>]*aria-describedby=\"internalNote-hint\""));
    }

    [Test]
    public async Task A_next_level_badge_without_its_basic_level_is_explained_before_and_after_sending()
    {
        var client = await ClientAsync();
        var next = Scenario.Catalogue.Badges.First(b => b.Kind == BadgeKind.Skill && b.PrerequisiteIds.Count > 0);
        var form = $"/staff/clients/{client.Id}/record/{next.Id}";

        var before = Text(await PageAsync(Instructor, form));
        using var response = await SendAsync(form, next.Criteria.Select(c => c.Id));
        var after = Text(await response.Content.ReadAsStringAsync());

        Assert.That(before, Does.Contain(Scenario.Catalogue.Find(next.PrerequisiteIds[0])!.Name.Fi));
        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(after, Does.Contain("Edeltävä merkki puuttuu"));
        Assert.That(await Scenario.CountAsync("assertions"), Is.Zero);
    }

    [Test]
    public async Task A_form_with_a_stale_antiforgery_token_records_nothing_and_shows_the_typing_again()
    {
        var client = await ClientAsync();
        var form = $"/staff/clients/{client.Id}/record/{Badge.Id}";
        var fields = (await FilledAsync(form, Badge.Criteria.Select(c => c.Id), note: "Tämä ei saa kadota"))
            .Select(f => f.Key.StartsWith("__RequestVerificationToken", StringComparison.Ordinal) ? Field(f.Key, "stale") : f).ToList();

        using var response = await PostAsync(Instructor, form, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Text(html), Does.Contain("Lomake vanheni"));
        Assert.That(WebUtility.HtmlDecode(html), Does.Contain("Tämä ei saa kadota</textarea>"));
        Assert.That(await Scenario.CountAsync("assessments"), Is.Zero);
    }

    [Test]
    public async Task Milestones_and_the_next_level_appear_on_the_overview_as_badges_are_earned()
    {
        var client = await ClientAsync(email: "eteva@example.fi");
        var milestone = Scenario.Catalogue.Badges.First(b => b.Kind == BadgeKind.Milestone && b.Level == 2);
        using var api = Scenario.Instructor(InstructorSubject);
        foreach (var part in milestone.PartIds.Select(p => Scenario.Catalogue.Find(p)!))
        {
            await Tests.Support.Scenario.PassAsync(api, Tests.Support.Scenario.Passing(part, client.Id, Unit));
        }

        var html = await PageAsync(Instructor, $"/staff/clients/{client.Id}");
        var text = Text(html);

        Assert.That(text, Does.Contain($"{milestone.PartIds.Count}/{milestone.PartIds.Count} osamerkkiä").And.Contain("Saavutettu"));
        Assert.That(text, Does.Contain("Valmis jatkotasolle"));
        Assert.That(html, Does.Contain($"<progress max=\"{milestone.PartIds.Count}\" value=\"{milestone.PartIds.Count}\""));
    }

    private async Task<List<KeyValuePair<string, string>>> FilledAsync(string form, IEnumerable<string> ticked, string note = "Teki tehtävät itse pajalla.")
    {
        var fields = HiddenFields(await PageAsync(Instructor, form), form);
        fields.AddRange(ticked.Select(id => Field("criteria", id)));
        fields.AddRange([Field("statement", note), Field("deliveryMode", "onsite"), Field("demonstratedOn", "2026-11-20"), Field("unitId", Unit)]);
        return fields;
    }

    private async Task<HttpResponseMessage> SendAsync(string form, IEnumerable<string> ticked) =>
        await PostAsync(Instructor, form, await FilledAsync(form, ticked));

    [GeneratedRegex("href=\"/staff/clients/[^/]+/record/(?<id>[a-z0-9-]+)\"")]
    private static partial Regex BadgeLinks();
}
