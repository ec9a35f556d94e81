using System.Text;
using Dapper;

namespace Osaamismerkit.Reports;

/// <summary>
/// Change per competence area from each client's first baseline in the period to their latest, for clients with at
/// least two; the row group is that of the latest baseline.
/// <para>
/// There is no mean change. A measure is published only in rows where no count is hidden, since beside the other
/// counts it narrows a hidden one down (<see cref="ReportTables"/>); and "went down" is "&lt;5" in nearly every row and
/// in the totals, as few clients, often none, go down and a zero is hidden too (<see cref="SmallCells"/>). So the mean
/// showed "–" everywhere. Nor can it be made from the published counts, as README asks of measures: "went down" and
/// "up 2 or more" have no one value. The four counts say what a mean would.
/// </para>
/// </summary>
internal static class ChangeReport
{
    // A client's first mapping in the period is the one whose previous is missing or before the period; their latest
    // has a previous in the period, so the two differ. Each area's changes are counted per group with CASE: grouping
    // by first and latest levels made nearly every client a group of their own, and sorting those cost more than the join.
    private static readonly CompositeFormat Sql = CompositeFormat.Parse($$"""
        SELECT GroupKey, {{ChangeCounts}}
        FROM (
            SELECT {0} AS GroupKey, COALESCE(c.report_key, 0) AS report_key,
                   l.area1_level - f.area1_level AS d1, l.area2_level - f.area2_level AS d2, l.area3_level - f.area3_level AS d3,
                   l.area4_level - f.area4_level AS d4, l.area5_level - f.area5_level AS d5
            FROM baselines l
            JOIN baselines f ON f.client_id = l.client_id
            LEFT JOIN clients c ON c.id = l.client_id
            WHERE {1} AND (l.next_on IS NULL OR l.next_on > @To) AND {2}
        ) changes
        GROUP BY GroupKey
        """);

    /// <summary>Per area: clients down, same, up one, up two or more, each with its clients' keys. Fixed text, no input.</summary>
    private static string ChangeCounts => string.Join(", ",
        from area in Baseline.BaselineAreas.Numbers
        select $"SUM(CASE WHEN d{area} < 0 THEN report_key ELSE 0 END) AS a{area}k0, SUM(CASE WHEN d{area} = 0 THEN report_key ELSE 0 END) AS a{area}k1, " +
               $"SUM(CASE WHEN d{area} = 1 THEN report_key ELSE 0 END) AS a{area}k2, SUM(CASE WHEN d{area} >= 2 THEN report_key ELSE 0 END) AS a{area}k3, " +
               $"SUM(CASE WHEN d{area} < 0 THEN 1 ELSE 0 END) AS a{area}c0, SUM(CASE WHEN d{area} = 0 THEN 1 ELSE 0 END) AS a{area}c1, " +
               $"SUM(CASE WHEN d{area} = 1 THEN 1 ELSE 0 END) AS a{area}c2, SUM(CASE WHEN d{area} >= 2 THEN 1 ELSE 0 END) AS a{area}c3");

    public static async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext report, CancellationToken cancellationToken)
    {
        var scope = BaselineScope.For(report.Filter, report.Database.Dialect, alias: "l");
        var first = report.Filter.From is null
            ? "l.previous_on IS NOT NULL AND f.previous_on IS NULL"
            : "l.previous_on >= @From AND f.assessed_on >= @From AND (f.previous_on IS NULL OR f.previous_on < @From)";
        await using var connection = await report.Database.OpenAsync(cancellationToken);
        var groups = (await connection.QueryAsync(new CommandDefinition(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, scope.Group, scope.Where, first),
            scope.Parameters, cancellationToken: cancellationToken))).Cast<IDictionary<string, object>>().ToList();
        var sums = new AreaSums();
        var keys = new AreaSums();
        foreach (var group in groups)
        {
            var key = (string)group["GroupKey"];
            foreach (var area in Baseline.BaselineAreas.Numbers)
            {
                for (var column = 0; column < 4; column++)
                {
                    sums.Add(key, area, column, group[$"a{area}c{column}"]);
                    keys.Add(key, area, column, group[$"a{area}k{column}"]);
                }
            }
        }

        var rows = report.Rows(groups.Select(g => (string)g["GroupKey"]), ReportCodes.Of(report.Filter.GroupBy));
        IReadOnlyList<ReportColumn> columns =
        [
            new("down", report.Texts["ChangeDown"]),
            new("same", report.Texts["ChangeSame"]),
            new("up1", report.Texts["ChangeUp1"]),
            new("up2", report.Texts["ChangeUp2"]),
        ];
        IReadOnlyList<ReportColumn> measures = [];

        return report.Areas.Select(area =>
        {
            var grid = ReportTables.Grid(rows.Select(r => r.Key).ToList(), columns.Count, (key, column) => sums.Get(key, area, column), (key, column) => keys.Get(key, area, column));
            return ReportTables.Build($"area{area}", report.AreaName(area), columns, measures, rows, grid, _ => [], report.Total);
        }).ToList();
    }
}
