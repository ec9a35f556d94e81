using System.Net;
using System.Text.Json;

namespace Osaamismerkit.Tests.Reports;

/// <summary>
/// A project-staff user who may run any number of reports tries to single out one client by differencing: one client
/// is planted in Juuka, in a unit of its own, mapped on 24 November, and the attacker compares every report before and after that day, month
/// by month, grouped against filtered, and a municipality against the sum of its rows. No difference between two
/// published counts of the same cell may be 1–4: that would be a small group of clients given away by subtraction.
/// </summary>
public sealed class DifferencingAttackTests : ReportTestBase
{
    private static readonly string[] Kinds = ["levels", "change", "basic-level", "time-to-badge"];

    private static readonly string[] Groupings = ["none", "municipality", "unit", "phase", "year", "quarter"];

    /// <summary>Adjacent periods: the day before and the day of the planted mapping, and the month before and the month of it.</summary>
    private static readonly (string Before, string After)[] Periods =
    [
        ("from=2026-01-01&to=2026-11-23", "from=2026-01-01&to=2026-11-24"),
        ("from=2026-01-01&to=2026-10-31", "from=2026-01-01&to=2026-11-30"),
        ("from=2026-11-24&to=2026-11-24", "from=2026-11-25&to=2026-11-25"),
    ];

    protected override bool PredictableRounding => false;

    [SetUp]
    public async Task PlantOneClient()
    {
        // In a unit of its own in Juuka, so that Juuka minus the region's unit is this one client.
        PlantedUnit = await Scenario.UnitAsync("instructor-1");
        var planted = (await Scenario.ClientAsync(Instructor, PlantedUnit, name: "Istutettu")).Id;
        await Baselines.AddAsync(App, planted, PlantedUnit, "141", new DateOnly(2026, 11, 24), 4);
    }

    private string PlantedUnit { get; set; } = null!;

    [Test]
    public async Task The_same_report_asked_twice_gives_the_same_figures()
    {
        foreach (var kind in Kinds)
        {
            var url = $"/api/reports/{kind}?from=2026-01-01&to=2026-11-30&groupBy=municipality";
            Assert.That(await PublishedAsync(url), Is.EqualTo(await PublishedAsync(url)), kind);
        }
    }

    [Test]
    public async Task Every_published_count_is_a_multiple_of_five()
    {
        foreach (var kind in Kinds)
        {
            var counts = await PublishedAsync($"/api/reports/{kind}?from=2026-01-01&to=2026-11-30&groupBy=municipality");
            Assert.That(counts.Values.Where(n => n % 5 != 0), Is.Empty, kind);
        }
    }

    [Test]
    public async Task No_two_reports_of_adjacent_periods_differ_by_one_to_four_in_any_cell()
    {
        var leaks = new List<string>();
        foreach (var kind in Kinds)
        {
            foreach (var grouping in Groupings)
            {
                foreach (var (before, after) in Periods)
                {
                    var a = await PublishedAsync($"/api/reports/{kind}?{before}&groupBy={grouping}");
                    var b = await PublishedAsync($"/api/reports/{kind}?{after}&groupBy={grouping}");
                    leaks.AddRange(Differences(a, b, $"{kind} {grouping} {before} vs {after}"));
                }
            }
        }

        Assert.That(leaks, Is.Empty);
    }

    [Test]
    public async Task A_municipality_and_its_row_in_the_grouped_report_and_its_units_rows_never_differ_by_one_to_four()
    {
        var leaks = new List<string>();
        foreach (var kind in Kinds)
        {
            foreach (var period in Periods.SelectMany(p => new[] { p.Before, p.After }).Distinct())
            {
                var grouped = await PublishedAsync($"/api/reports/{kind}?{period}&groupBy=municipality");
                foreach (var municipality in new[] { "167", "141" })
                {
                    var filtered = await PublishedAsync($"/api/reports/{kind}?{period}&groupBy=none&municipality={municipality}");
                    var byUnit = await PublishedAsync($"/api/reports/{kind}?{period}&groupBy=unit&municipality={municipality}");
                    var row = Renamed(grouped, municipality, "total");
                    leaks.AddRange(Differences(row, filtered, $"{kind} {period} row {municipality} vs municipality={municipality}"));
                    leaks.AddRange(Differences(SumOfRows(byUnit), filtered, $"{kind} {period} units of {municipality} vs municipality={municipality}"));
                    foreach (var unit in new[] { Unit, PlantedUnit })
                    {
                        var both = await PublishedAsync($"/api/reports/{kind}?{period}&groupBy=none&municipality={municipality}&unit={unit}");
                        leaks.AddRange(Differences(Renamed(byUnit, unit, "total"), filtered, $"{kind} {period} unit {unit} vs municipality={municipality}"));
                        leaks.AddRange(Differences(both, filtered, $"{kind} {period} municipality={municipality}&unit={unit} vs municipality={municipality}"));
                    }
                }
            }
        }

        Assert.That(leaks, Is.Empty);
    }

    /// <summary>Every published count of a report, keyed by table, row and column; none when the report is refused.</summary>
    private async Task<Dictionary<(string Table, string Row, string Column), long>> PublishedAsync(string url)
    {
        using var response = await Staff.GetAsync(url);
        var cells = new Dictionary<(string, string, string), long>();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return cells;
        }

        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        foreach (var table in report.GetProperty("tables").EnumerateArray())
        {
            var key = table.GetProperty("key").GetString()!;
            var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()!).Append("total").ToList();
            foreach (var row in table.GetProperty("rows").EnumerateArray().Append(table.GetProperty("totals")))
            {
                var values = row.GetProperty("cells").EnumerateArray().Append(row.GetProperty("total")).ToList();
                for (var c = 0; c < values.Count; c++)
                {
                    if (!values[c].GetProperty("suppressed").GetBoolean())
                    {
                        cells[(key, row.GetProperty("key").GetString()!, columns[c])] = values[c].GetProperty("count").GetInt64();
                    }
                }
            }
        }

        return cells;
    }

    private static IEnumerable<string> Differences(
        Dictionary<(string Table, string Row, string Column), long> a, Dictionary<(string Table, string Row, string Column), long> b, string what) =>
        from cell in a
        where b.TryGetValue(cell.Key, out var other) && Math.Abs(cell.Value - other) is >= 1 and <= 4
        select $"{what}: {cell.Key} {cell.Value} vs {b[cell.Key]}";

    /// <summary>One row of a grouped report as if it were the totals row of a filtered one.</summary>
    private static Dictionary<(string Table, string Row, string Column), long> Renamed(
        Dictionary<(string Table, string Row, string Column), long> report, string row, string asRow) =>
        report.Where(c => c.Key.Row == row).ToDictionary(c => (c.Key.Table, asRow, c.Key.Column), c => c.Value);

    /// <summary>The attacker's sum of a table's rows, per column, where every row of that column is published.</summary>
    private static Dictionary<(string Table, string Row, string Column), long> SumOfRows(Dictionary<(string Table, string Row, string Column), long> report) =>
        report.Where(c => c.Key.Row != "total")
            .GroupBy(c => (c.Key.Table, Row: "total", c.Key.Column))
            .Where(g => g.Count() == report.Keys.Where(k => k.Table == g.Key.Table && k.Row != "total").Select(k => k.Row).Distinct().Count())
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
}
