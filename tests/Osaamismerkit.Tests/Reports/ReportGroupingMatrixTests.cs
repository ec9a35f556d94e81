using System.Text.Json;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Reports;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reports;

/// <summary>
/// Every report the API offers in every grouping (and the badge report by every row option), on each provider: the SQL
/// behind each grouping differs (year and quarter are dialect fragments), so each runs on SQL Server in the pipeline.
/// Each answer must keep the small-cell rule in every table, and the hand-counted area-1 levels of
/// <see cref="ReportTestBase"/> must come out the same in every grouping.
/// </summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.AvailableProviders))]
public sealed class ReportGroupingMatrixTests(DatabaseProvider provider) : ReportTestBase(provider)
{
    private static IEnumerable<string> Queries() =>
        ReportCodes.Kinds.Keys.Where(k => ReportCodes.Kinds[k] != ReportKind.Badges)
            .SelectMany(kind => ReportCodes.Groupings.Keys.Select(grouping => $"{kind}?groupBy={grouping}"))
            .Concat(ReportCodes.BadgeRowOptions.Keys.Select(by => $"badges?by={by}"));

    [Test]
    public async Task Every_report_in_every_grouping_answers_and_hides_every_small_cell_and_every_lone_hidden_one()
    {
        // Six badges in Joensuu and two in Juuka, so that the badge and time-to-badge reports have small and large cells.
        foreach (var client in Joensuu.Skip(1).Take(6).Concat(Juuka.Take(2)))
        {
            await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client, Unit));
        }

        var asked = 0;
        var visibleCells = 0;
        foreach (var query in Queries())
        {
            var (kind, options) = (query[..query.IndexOf('?', StringComparison.Ordinal)], query[(query.IndexOf('?', StringComparison.Ordinal) + 1)..]);
            var report = await ReportAsync(kind, options);
            var tables = report.GetProperty("tables").EnumerateArray().ToList();
            Assert.That(tables, Is.Not.Empty, query);
            foreach (var table in tables)
            {
                var problems = SmallCellProblems(table);
                Assert.That(problems, Is.Empty, $"{query}, table {table.GetProperty("key").GetString()}");
                visibleCells += table.GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("cells").EnumerateArray()).Count(c => !c.GetProperty("suppressed").GetBoolean());
            }

            asked++;
        }

        Assert.That(asked, Is.EqualTo((4 * ReportCodes.Groupings.Count) + ReportCodes.BadgeRowOptions.Count));
        Assert.That(visibleCells, Is.GreaterThan(0), "the rule is checked against published figures, not only hidden ones");
    }

    [TestCase("none", "Kaikki:20")]
    [TestCase("municipality", "Joensuu:15", "Juuka:10")]
    [TestCase("phase", "intake:20", "closing:10")]
    [TestCase("year", "2026:20")]
    [TestCase("quarter", "2026-Q1:10", "2026-Q3:20")]
    public async Task The_hand_counted_area_1_levels_come_out_in_every_grouping(string grouping, params string[] rows)
    {
        var area1 = Table(await ReportAsync("levels", $"groupBy={grouping}"), "area1");

        // Rows by key where the key is the label's source (phase, year, quarter) and by label where it is a name.
        var published = area1.GetProperty("rows").EnumerateArray()
            .Select(r => $"{(grouping is "none" or "municipality" ? r.GetProperty("label").GetString() : r.GetProperty("key").GetString())}:{Cells(r)[^1]}");
        Assert.That(published, Is.EqualTo(rows));
    }

    [Test]
    public async Task By_unit_the_one_unit_holds_everyone()
    {
        var area1 = Table(await ReportAsync("levels", "groupBy=unit"), "area1");

        Assert.That(area1.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()), Is.EqualTo(new[] { Unit }));
        Assert.That(Totals(area1), Is.EqualTo(new[] { "<5", "<5", "15", "5", "<5", "20" }));
    }

    /// <summary>
    /// The published table against the rule of <see cref="SmallCells"/>: no visible count under five, and no row or
    /// column (with its total) in which exactly one figure is hidden, since subtraction would give that one away.
    /// </summary>
    private static List<string> SmallCellProblems(JsonElement table)
    {
        var rows = table.GetProperty("rows").EnumerateArray().Append(table.GetProperty("totals")).ToList();
        var grid = rows.Select(r => r.GetProperty("cells").EnumerateArray().Append(r.GetProperty("total")).ToList()).ToList();
        var problems = new List<string>();
        for (var r = 0; r < grid.Count; r++)
        {
            for (var c = 0; c < grid[r].Count; c++)
            {
                var cell = grid[r][c];
                if (!cell.GetProperty("suppressed").GetBoolean() && cell.GetProperty("count").GetInt64() < SmallCells.Threshold)
                {
                    problems.Add($"row {r}, column {c}: {cell.GetProperty("count").GetInt64()} published");
                }
            }

            if (grid[r].Count(Hidden) == 1)
            {
                problems.Add($"row {r}: one hidden figure, given away by its row");
            }
        }

        for (var c = 0; c < grid[0].Count; c++)
        {
            if (grid.Count(row => Hidden(row[c])) == 1)
            {
                problems.Add($"column {c}: one hidden figure, given away by its column");
            }
        }

        return problems;
    }

    private static bool Hidden(JsonElement cell) => cell.GetProperty("suppressed").GetBoolean();
}
