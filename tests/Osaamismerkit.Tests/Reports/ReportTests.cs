using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Osaamismerkit.Baseline;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Reports;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reports;

/// <summary>Each report against counts worked out by hand from the region in <see cref="ReportTestBase"/>.</summary>
public sealed class ReportTests : ReportTestBase
{
    [Test]
    public async Task Levels_count_each_clients_latest_baseline_in_the_period_and_hide_small_and_complementary_cells()
    {
        var report = await ReportAsync("levels", "groupBy=municipality");
        var area1 = Table(report, "area1");

        Assert.Multiple(() =>
        {
            // Joensuu 1,0,6,5,0 and Juuka 0,2,6,0,0 (levels 0–4): the lone visible 5 in column "level 3" is the complement.
            // Rounded up: 6 → 10, 8 → 10, 12 → 15.
            Assert.That(Row(area1, "Joensuu"), Is.EqualTo(new[] { "<5", "<5", "10", "x", "<5", "15" }));
            Assert.That(Row(area1, "Juuka"), Is.EqualTo(new[] { "<5", "<5", "10", "<5", "<5", "10" }));
            Assert.That(Totals(area1), Is.EqualTo(new[] { "<5", "<5", "15", "5", "<5", "20" }));
            Assert.That(area1.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("label").GetString()), Is.EqualTo(new[] { "Joensuu", "Juuka" }),
                "Lieksa was mapped only before the period");
            Assert.That(Totals(Table(report, "area2")), Is.EqualTo(new[] { "<5", "<5", "20", "<5", "<5", "20" }));
            Assert.That(report.GetProperty("tables").GetArrayLength(), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task Levels_without_grouping_have_one_row_for_everyone()
    {
        var area1 = Table(await ReportAsync("levels", "groupBy=none"), "area1");

        Assert.That(Row(area1, "Kaikki"), Is.EqualTo(new[] { "<5", "<5", "15", "5", "<5", "20" }));
        Assert.That(area1.GetProperty("rows")[0].GetProperty("measures")[0].ValueKind, Is.EqualTo(JsonValueKind.Null),
            "a share would give the hidden cells' sum away");
    }

    [Test]
    public async Task Change_compares_the_first_and_latest_baseline_of_clients_mapped_twice()
    {
        var report = await ReportAsync("change", "groupBy=none");

        Assert.Multiple(() =>
        {
            // Five went up one level, one up two, one down two: seven, rounded up to ten.
            Assert.That(Totals(Table(report, "area1")), Is.EqualTo(new[] { "<5", "<5", "5", "<5", "10" }));
            Assert.That(Totals(Table(report, "area2")), Is.EqualTo(new[] { "<5", "10", "<5", "<5", "10" }));
        });
    }

    [Test]
    public async Task Basic_level_share_by_baseline_and_by_milestone_badge()
    {
        Assert.That(Tracks.Areas(Scenario.Catalogue, Track.Citizen), Does.Contain(1));

        var report = await ReportAsync("basic-level", "groupBy=none&track=citizen");

        Assert.Multiple(() =>
        {
            // 17 at level 2+ everywhere, 3 not (one at 0 and two at 1 in area 1): the 17 is hidden to protect the 3.
            Assert.That(Totals(Table(report, "citizen-baseline")), Is.EqualTo(new[] { "x", "<5", "20" }));
            Assert.That(Totals(Table(report, "citizen-badge")), Is.EqualTo(new[] { "<5", "x", "20" }));
            Assert.That(report.GetProperty("tables").GetArrayLength(), Is.EqualTo(2), "only the chosen track");
        });
    }

    [Test]
    public async Task Badges_are_counted_but_a_cell_is_judged_by_the_clients_behind_it()
    {
        foreach (var client in Joensuu.Skip(1).Take(5))
        {
            await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client, Unit));
        }

        // One client in another unit earns five different badges: five badges, one person.
        var otherUnit = await Scenario.UnitAsync("instructor-1");
        var keen = (await Scenario.ClientAsync(Instructor, otherUnit, name: "Innokas")).Id;
        var five = Scenario.Catalogue.Badges
            .Where(b => b.Kind == BadgeKind.Skill && b.Level == 2 && b.ValidityMonths is null && b.PrerequisiteIds.Count == 0)
            .Take(5)
            .ToList();
        foreach (var badge in five)
        {
            await Scenario.PassAsync(Instructor, Scenario.Passing(badge, keen, otherUnit));
        }

        var report = await Scenario.JsonAsync(Staff, $"/api/reports/badges?{Period}&by=unit");
        var table = Table(report, "badges");
        var byMonth = Table(await Scenario.JsonAsync(Staff, $"/api/reports/badges?{Period}&by=month"), "badges");

        Assert.Multiple(() =>
        {
            Assert.That(Row(table, "Paja " + otherUnit), Is.EqualTo(new[] { "<5", "<5", "<5", "<5", "<5" }));
            Assert.That(Row(table, "Paja " + Unit), Is.EqualTo(new[] { "x", "<5", "<5", "<5", "x" }));
            Assert.That(Totals(table), Is.EqualTo(new[] { "10", "<5", "<5", "<5", "10" }));
            Assert.That(Row(byMonth, "2026-11"), Is.EqualTo(new[] { "10", "<5", "<5", "<5", "10" }), "ten badges of six clients, all in November");
        });
    }

    [Test]
    public async Task Time_to_first_badge_is_counted_from_the_first_baseline()
    {
        foreach (var client in Joensuu.Skip(1).Take(5))
        {
            await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client, Unit));
        }

        var table = Table(await ReportAsync("time-to-badge", "groupBy=none"), "time-to-badge");

        // First mapped 2 March, badge 23 November: 266 days. Fifteen others have no badge yet.
        Assert.That(Totals(table), Is.EqualTo(new[] { "<5", "<5", "<5", "5", "15", "20" }));
    }

    [Test]
    public async Task Rows_follow_the_phase_of_each_mapping()
    {
        var area1 = Table(await ReportAsync("levels", "groupBy=phase"), "area1");

        Assert.That(area1.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()), Is.EqualTo(new[] { "intake", "closing" }));
        Assert.That(Row(area1, "Päättövaihe")[^1], Is.EqualTo("10"), "seven, rounded up");
        Assert.That(Row(area1, "Alkukartoitus")[^1], Is.EqualTo("20"), "the first mappings of those seven were intake mappings");
    }

    [Test]
    public async Task By_quarter_each_client_counts_once_in_every_quarter_they_were_mapped()
    {
        var area1 = Table(await ReportAsync("levels", "groupBy=quarter"), "area1");

        Assert.That(area1.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()), Is.EqualTo(new[] { "2026-Q1", "2026-Q3" }));
        Assert.That(Row(area1, "2026-Q1")[^1], Is.EqualTo("10"), "the seven mapped in March, rounded up");
        Assert.That(Row(area1, "2026-Q3")[^1], Is.EqualTo("20"), "everyone mapped in September");
    }

    [Test]
    public async Task A_filtered_report_has_the_figures_of_that_row_in_the_grouped_one_even_for_a_client_who_moved()
    {
        // A Joensuu client (2 → 2 in area 1) is mapped again in Juuka in October: they now count in Juuka only.
        await Baselines.AddAsync(App, Joensuu[1], Unit, "141", new DateOnly(2026, 10, 5), 2);

        var grouped = Table(await ReportAsync("levels", "groupBy=municipality"), "area1");
        var joensuu = Table(await ReportAsync("levels", "groupBy=none&municipality=167"), "area1");
        using var juuka = await Staff.GetAsync($"/api/reports/levels?{Period}&unit={Unit}&groupBy=none&municipality=141&lang=en");

        // Joensuu 11 and Juuka 9, rounded up.
        Assert.That(Row(grouped, "Joensuu")[^1], Is.EqualTo("15"));
        Assert.That(Row(grouped, "Juuka")[^1], Is.EqualTo("10"));
        Assert.That(Totals(joensuu)[^1], Is.EqualTo("15"), "not counted in Joensuu through their older mapping there");
        Assert.That(juuka.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "nine clients are too few for a filter of their own");
        Assert.That(JsonDocument.Parse(await juuka.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("unit")[0].GetString(),
            Is.EqualTo("The filter covers fewer than 10 clients, so no report is made. Choose a wider filter."));
    }

    [Test]
    public async Task A_mapping_entered_late_with_an_earlier_date_takes_its_place_in_the_clients_history()
    {
        // Through the API, as an instructor enters a mapping made on paper: before the client's others, and between them.
        foreach (var (on, level) in new[] { ("2026-02-02", 0), ("2026-05-04", 4) })
        {
            using var response = await Instructor.PostAsJsonAsync($"/api/clients/{Joensuu[0]}/baselines", new BaselineRequest(on, Unit, "start", "onsite",
                [.. Enumerable.Range(1, 5).Select(a => new AreaLevelInput(a, a == 1 ? level : 2, null))]));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        }

        var levels = Table(await ReportAsync("levels", "groupBy=none"), "area1");
        var change = Table(await ReportAsync("change", "groupBy=none"), "area1");

        // Still at 0 by their September mapping; now mapped three times, from 0 in February to 0 in September: "same".
        Assert.That(Totals(levels), Is.EqualTo(new[] { "<5", "<5", "15", "5", "<5", "20" }));
        Assert.That(Totals(change), Is.EqualTo(new[] { "<5", "<5", "5", "<5", "10" }));
    }

    [Test]
    public async Task Bad_filters_are_explained_field_by_field_in_the_callers_language()
    {
        using var response = await Staff.GetAsync("/api/reports/levels?from=2026-13-01&to=2026-01-01&municipality=999&unit=nope&track=x&groupBy=age&lang=en");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = problem.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(e => e.Name), Is.EquivalentTo(new[] { "from", "municipality", "unit", "track", "groupBy" }));
        Assert.That(errors.GetProperty("municipality")[0].GetString(), Is.EqualTo("Unknown municipality."));
    }

    [Test]
    public async Task An_unknown_report_is_a_404_problem()
    {
        using var response = await Staff.GetAsync("/api/reports/names");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Reports_are_for_project_staff_and_admins_only()
    {
        using var instructor = await Instructor.GetAsync("/api/reports/levels");
        using var anonymous = await Anonymous.GetAsync("/api/reports/levels");
        using var admin = App.CreateClient().As("admin-1", Roles.Admin);
        using var asAdmin = await admin.GetAsync("/api/reports/levels");

        Assert.That(instructor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(asAdmin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Nothing_in_a_report_names_or_identifies_a_client()
    {
        foreach (var kind in ReportCodes.Kinds.Keys)
        {
            using var response = await Staff.GetAsync($"/api/reports/{kind}?{Period}&groupBy=unit");
            var body = await response.Content.ReadAsStringAsync();

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), kind);
            Assert.That(body, Does.Not.Contain("Asiakas"), kind);
            Assert.That(Joensuu.Concat(Juuka).Where(id => body.Contains(id, StringComparison.Ordinal)), Is.Empty, kind);
        }
    }
}
