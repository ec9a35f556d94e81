using System.Text;
using Dapper;

namespace Osaamismerkit.Reports;

/// <summary>How many clients are at each level (0–4) in each competence area: their latest baseline in the period, per row group.</summary>
internal static class LevelsReport
{
    // Each area's levels are counted separately, one row per group: counting the combinations of all five areas instead
    // sorted every client's mapping into thousands of groups. The group is in a derived table because SQL Server
    // allows no constant in GROUP BY, and the ungrouped report's key is 'all'. Each count comes with its clients' record
    // keys added up, for rounding (CellKeyRounding).
    private static readonly CompositeFormat Sql = CompositeFormat.Parse($$"""
        SELECT GroupKey, {{LevelCounts}}
        FROM (
            SELECT {0} AS GroupKey, b.area1_level, b.area2_level, b.area3_level, b.area4_level, b.area5_level, COALESCE(c.report_key, 0) AS report_key
            FROM baselines b
            LEFT JOIN clients c ON c.id = b.client_id
            WHERE {1} AND {2}
        ) latest
        GROUP BY GroupKey
        """);

    /// <summary>SUM(CASE WHEN area1_level = 0 THEN 1 ELSE 0 END) AS a1l0, … for every area and level: fixed text, no input.</summary>
    private static string LevelCounts => string.Join(", ",
        from area in Baseline.BaselineAreas.Numbers
        from level in Baseline.BaselineAreas.Levels
        select $"SUM(CASE WHEN area{area}_level = {level} THEN 1 ELSE 0 END) AS {Column(area, level)}, " +
               $"SUM(CASE WHEN area{area}_level = {level} THEN report_key ELSE 0 END) AS k{Column(area, level)}");

    public static async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext report, CancellationToken cancellationToken)
    {
        var scope = BaselineScope.For(report.Filter, report.Database.Dialect);
        await using var connection = await report.Database.OpenAsync(cancellationToken);
        var groups = (await connection.QueryAsync(new CommandDefinition(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, scope.Group, scope.Where, scope.Latest),
            scope.Parameters, cancellationToken: cancellationToken))).Cast<IDictionary<string, object>>().ToList();
        var sums = new AreaSums();
        var keys = new AreaSums();
        foreach (var group in groups)
        {
            foreach (var area in Baseline.BaselineAreas.Numbers)
            {
                foreach (var level in Baseline.BaselineAreas.Levels)
                {
                    sums.Add((string)group["GroupKey"], area, level, group[Column(area, level)]);
                    keys.Add((string)group["GroupKey"], area, level, group["k" + Column(area, level)]);
                }
            }
        }

        var rows = report.Rows(groups.Select(g => (string)g["GroupKey"]), ReportCodes.Of(report.Filter.GroupBy));
        var columns = Baseline.BaselineAreas.Levels
            .Select(l => new ReportColumn(l.ToString(System.Globalization.CultureInfo.InvariantCulture), l == 0 ? report.Texts["Level0"] : report.Texts["LevelN", l]))
            .ToList();
        IReadOnlyList<ReportColumn> measures = [new("atLeastBasic", report.Texts["MeasureAtLeastBasic"])];

        return report.Areas.Select(area =>
        {
            var grid = ReportTables.Grid(rows.Select(r => r.Key).ToList(), columns.Count, (key, level) => sums.Get(key, area, level), (key, level) => keys.Get(key, area, level));
            IReadOnlyList<double?> AtLeastBasic(int? row)
            {
                var inRow = row is null ? rows.Select(r => r.Key).ToList() : [rows[row.Value].Key];
                long Sum(AreaSums of, bool onlyBasic) => inRow.Sum(k => Baseline.BaselineAreas.Levels
                    .Where(l => !onlyBasic || l >= Baseline.BaselineAreas.BasicLevel).Sum(l => of.Get(k, area, l)));
                return [CellKeyRounding.Percent(Sum(sums, true), Sum(keys, true), Sum(sums, false), Sum(keys, false))];
            }

            return ReportTables.Build($"area{area}", report.AreaName(area), columns, measures, rows, grid, AtLeastBasic, report.Total);
        }).ToList();
    }

    private static string Column(int area, int level) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a{area}l{level}");
}
