using System.Text;
using Dapper;

namespace Osaamismerkit.Reports;

/// <summary>How many clients are at each level (0–4) in each competence area: their latest baseline in the period, per row group.</summary>
internal static class LevelsReport
{
    // The group in a derived table: SQL Server allows no constant in GROUP BY, and the ungrouped report's key is 'all'.
    private static readonly CompositeFormat Sql = CompositeFormat.Parse("""
        SELECT GroupKey, L1, L2, L3, L4, L5, COUNT(*) AS Clients
        FROM (
            SELECT {0} AS GroupKey, b.area1_level AS L1, b.area2_level AS L2, b.area3_level AS L3, b.area4_level AS L4, b.area5_level AS L5
            FROM baselines b
            WHERE {1} AND {2}
        ) latest
        GROUP BY GroupKey, L1, L2, L3, L4, L5
        """);

    public static async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext report, CancellationToken cancellationToken)
    {
        var scope = BaselineScope.For(report.Filter, report.Database.Dialect);
        await using var connection = await report.Database.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<AreaLevels>(new CommandDefinition(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, scope.Group, scope.Where, scope.Latest),
            scope.Parameters, cancellationToken: cancellationToken))).ToList();

        var rows = report.Rows(counts.Select(c => c.GroupKey), Codes.Of(report.Filter.GroupBy));
        var columns = Baseline.BaselineAreas.Levels
            .Select(l => new ReportColumn(l.ToString(System.Globalization.CultureInfo.InvariantCulture), l == 0 ? report.Texts["Level0"] : report.Texts["LevelN", l]))
            .ToList();
        IReadOnlyList<ReportColumn> measures = [new("atLeastBasic", report.Texts["MeasureAtLeastBasic"])];

        var sums = AreaSums.Of(counts, level => level);
        return report.Areas.Select(area =>
        {
            var grid = ReportTables.Grid(rows.Select(r => r.Key).ToList(), columns.Count, (key, level) => sums.Get(key, area, level));
            IReadOnlyList<double?> AtLeastBasic(int? row)
            {
                var keys = row is null ? rows.Select(r => r.Key) : [rows[row.Value].Key];
                var all = keys.Sum(k => Baseline.BaselineAreas.Levels.Sum(l => sums.Get(k, area, l)));
                var basic = keys.Sum(k => Baseline.BaselineAreas.Levels.Where(l => l >= Baseline.BaselineAreas.BasicLevel).Sum(l => sums.Get(k, area, l)));
                return [ReportTables.Percent(basic, all)];
            }

            return ReportTables.Build($"area{area}", report.AreaName(area), columns, measures, rows, grid, AtLeastBasic, report.Total);
        }).ToList();
    }
}
