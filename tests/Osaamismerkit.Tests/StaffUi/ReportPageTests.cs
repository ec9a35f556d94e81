using System.Net;
using System.Text.RegularExpressions;
using Osaamismerkit.Tests.Reports;

namespace Osaamismerkit.Tests.StaffUi;

/// <summary>The report page as project staff see it, on the hand-counted region of <see cref="ReportTestBase"/>.</summary>
public sealed class ReportPageTests : ReportTestBase
{
    [Test]
    public async Task Without_a_grouping_chosen_the_form_shows_the_ungrouped_report_it_ran()
    {
        var html = await PageAsync($"/staff/reports?kind=levels&{Period}&unit={Unit}");

        Assert.That(WebUtility.HtmlDecode(html), Does.Match("""<option value="none" selected[^>]*>Ei ryhmittelyä</option>"""));
        Assert.That(html, Does.Not.Match("""<option value="municipality" selected"""));
        Assert.That(Regex.Count(html, """<tr( class="total")?>\s*<th scope="row">"""), Is.EqualTo(5 * 2), "one row and the totals per area");
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
}
