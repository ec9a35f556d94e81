using System.Text.Json;

namespace Osaamismerkit.Tests.Reports;

/// <summary>Suppression through the real report endpoint, with counts at the edge: exactly four clients in a cell and a total.</summary>
public sealed class SmallCellsReportTests : ReportTestBase
{
    [Test]
    public async Task Four_clients_at_one_level_are_shown_as_fewer_than_five_in_their_row_and_in_the_totals()
    {
        // Juuka had two clients at level 1 in area 1; two more make four, and nobody else is at level 1.
        for (var i = 0; i < 2; i++)
        {
            var client = (await Scenario.ClientAsync(Instructor, Unit, name: $"Asiakas K{i}")).Id;
            await Baselines.AddAsync(App, client, Unit, "141", Later, 1);
        }

        var report = await ReportAsync("levels", "groupBy=municipality");
        var area1 = Table(report, "area1");

        Assert.Multiple(() =>
        {
            // Joensuu 1,0,6,5,0 and Juuka 0,4,6,0,0: the four is small, the grand total 22 and the level-2 column are not.
            Assert.That(Row(area1, "Juuka"), Is.EqualTo(new[] { "<5", "<5", "10", "<5", "<5", "10" }));
            Assert.That(Row(area1, "Joensuu"), Is.EqualTo(new[] { "<5", "<5", "10", "x", "<5", "15" }));
            Assert.That(Totals(area1), Is.EqualTo(new[] { "<5", "<5", "15", "5", "<5", "25" }));
            Assert.That(PublishedCounts(report).Where(c => c < 5), Is.Empty, "no table of the report publishes a count below five");
        });
    }

    [Test]
    public async Task Four_clients_in_a_report_without_grouping_are_not_published_either()
    {
        for (var i = 0; i < 2; i++)
        {
            var client = (await Scenario.ClientAsync(Instructor, Unit, name: $"Asiakas K{i}")).Id;
            await Baselines.AddAsync(App, client, Unit, "141", Later, 1);
        }

        var report = await ReportAsync("levels", "groupBy=none");

        Assert.That(Totals(Table(report, "area1")), Is.EqualTo(new[] { "<5", "<5", "15", "5", "<5", "25" }));
        Assert.That(PublishedCounts(report).Where(c => c < 5), Is.Empty);
    }

    /// <summary>Every visible count of every table: inner cells, row totals and the totals row.</summary>
    private static IEnumerable<long> PublishedCounts(JsonElement report) =>
        from table in report.GetProperty("tables").EnumerateArray()
        from row in table.GetProperty("rows").EnumerateArray().Append(table.GetProperty("totals"))
        from cell in row.GetProperty("cells").EnumerateArray().Append(row.GetProperty("total"))
        where !cell.GetProperty("suppressed").GetBoolean()
        select cell.GetProperty("count").GetInt64();
}
