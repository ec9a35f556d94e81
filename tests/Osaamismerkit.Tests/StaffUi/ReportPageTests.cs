using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.StaffUi.Reports;
using Osaamismerkit.Tests.Reports;

namespace Osaamismerkit.Tests.StaffUi;

/// <summary>The report page as project staff see it, on the hand-counted region of <see cref="ReportTestBase"/>.</summary>
public sealed partial class ReportPageTests : ReportTestBase
{
    [Test]
    public async Task Without_a_grouping_chosen_the_form_shows_the_ungrouped_report_it_ran()
    {
        var html = await PageAsync($"/staff/reports?kind=levels&{Period}&unit={Unit}");

        Assert.That(WebUtility.HtmlDecode(html), Does.Match("""<option value="none" selected[^>]*>Ei ryhmittelyä</option>"""));
        Assert.That(html, Does.Not.Match("""<option value="municipality" selected"""));
        Assert.That(Regex.Count(html, """<tr( class="total")?>\s*<th scope="row">"""), Is.EqualTo(5 * 2), "one row and the totals per area");
    }

    [Test]
    public async Task Chart_labels_are_whole_words_on_lines_that_fit_their_column()
    {
        var html = await PageAsync($"/staff/reports?kind=change&{Period}&unit={Unit}");

        var chart = Chart().Match(html);
        Assert.That(chart.Success, Is.True);
        var columns = Label().Matches(chart.Value).Select(m => Line().Matches(m.Value).Select(l => WebUtility.HtmlDecode(l.Groups["text"].Value)).ToList()).ToList();
        Assert.That(columns, Has.Count.EqualTo(4), "one label per column");
        var slot = int.Parse(chart.Groups["width"].Value, System.Globalization.CultureInfo.InvariantCulture) / columns.Count;
        Assert.That(columns.Select(lines => string.Join(' ', lines)), Is.EqualTo(new[] { "Laski", "Ennallaan", "Nousi 1 tason", "Nousi 2 tai enemmän" }));
        Assert.That(columns.SelectMany(lines => lines).Select(line => line.Length * ChartLabels.CharWidth), Has.All.LessThan(slot), "no line reaches into the next column");
    }

    [Test]
    public async Task Units_of_one_name_are_told_apart_in_the_unit_filter()
    {
        await using (var connection = await App.Service<Database>().OpenAsync())
        {
            foreach (var (id, code) in new[] { ("unit-twin-a", "167"), ("unit-twin-b", "141"), ("unit-twin-c", "141") })
            {
                await connection.ExecuteAsync(
                    "INSERT INTO units (id, name, municipality_code, created_at) VALUES (@Id, 'Digipaja 2', @Code, @Now)", new { Id = id, Code = code, Now = DateTimeOffset.UtcNow });
            }
        }

        var html = await PageAsync("/staff/reports?kind=levels");

        var select = Regex.Match(html, """<select id="field-unit".*?</select>""", RegexOptions.Singleline).Value;
        var options = Regex.Matches(select, "<option[^>]*>(?<text>[^<]*)</option>").Select(m => WebUtility.HtmlDecode(m.Groups["text"].Value)).ToList();
        Assert.That(options, Is.Unique);
        Assert.That(options, Does.Contain("Digipaja 2 (Joensuu)").And.Contain("Digipaja 2 (Juuka, unit-twin-b)").And.Contain("Digipaja 2 (Juuka, unit-twin-c)"));
    }

    [Test]
    public async Task The_change_report_publishes_no_mean_change_since_it_cannot_come_from_published_counts()
    {
        var report = await ReportAsync("change", "groupBy=none");
        var html = await PageAsync($"/staff/reports?kind=change&{Period}&unit={Unit}");

        Assert.That(report.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("measures").GetArrayLength()), Has.All.Zero);
        Assert.That(html, Does.Not.Contain("Keskimuutos"));
    }

    [TestCase("levels", false)]
    [TestCase("change", false)]
    [TestCase("basic-level", false)]
    [TestCase("time-to-badge", false)]
    [TestCase("badges", true)]
    public async Task Only_the_row_choice_the_report_reads_is_shown(string kind, bool badgeRows)
    {
        var html = await PageAsync($"/staff/reports?kind={kind}&{Period}&unit={Unit}");

        var grouping = Regex.Match(html, """<div class="field" data-report-kinds="[^"]*"( hidden(="")?)?>\s*<label for="field-groupBy">""");
        var by = Regex.Match(html, """<div class="field" data-report-kinds="[^"]*"( hidden(="")?)?>\s*<label for="field-by">""");
        Assert.That(grouping.Success && by.Success, Is.True);
        Assert.That(grouping.Groups[1].Success, Is.EqualTo(badgeRows), "grouping hidden");
        Assert.That(by.Groups[1].Success, Is.EqualTo(!badgeRows), "badge rows hidden");
        Assert.That(html, badgeRows ? Does.Match("""<select id="field-groupBy" name="groupBy" disabled""") : Does.Match("""<select id="field-by" name="by" disabled"""),
            "a hidden choice is not sent");
    }

    private async Task<string> PageAsync(string url)
    {
        using var response = await Staff.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        return html;
    }

    [GeneratedRegex("""<svg viewBox="0 0 (?<width>\d+) \d+".*?</svg>""", RegexOptions.Singleline)]
    private static partial Regex Chart();

    [GeneratedRegex("""<text class="report-chart__label".*?</text>""", RegexOptions.Singleline)]
    private static partial Regex Label();

    [GeneratedRegex("""<tspan[^>]*>(?<text>[^<]*)</tspan>""")]
    private static partial Regex Line();
}
