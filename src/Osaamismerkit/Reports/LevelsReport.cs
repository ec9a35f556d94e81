using System.Text;
using Dapper;

namespace Osaamismerkit.Reports;

/// <summary>How many clients are at each level (0–4) in each competence area: their latest baseline in the period, per row group.</summary>
internal static class LevelsReport
{
    private static readonly CompositeFormat Sql = CompositeFormat.Parse("""
        SELECT GroupKey, area1_level AS L1, area2_level AS L2, area3_level AS L3, area4_level AS L4, area5_level AS L5,
               COUNT(*) AS Clients
        FROM (
            SELECT {0} AS GroupKey, area1_level, area2_level, area3_level, area4_level, area5_level,
                   ROW_NUMBER() OVER (PARTITION BY {1} ORDER BY assessed_on DESC, created_at DESC, id DESC) AS rn
            FROM baselines
            WHERE {2}
        ) latest
        WHERE rn = 1
        GROUP BY GroupKey, area1_level, area2_level, area3_level, area4_level, area5_level
        """);

    public static async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext report, CancellationToken cancellationToken)
    {
        var scope = BaselineScope.For(report.Filter, report.Database.Dialect);
        await using var connection = await report.Database.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<AreaLevels>(new CommandDefinition(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, scope.Group, scope.ClientAndGroup, scope.Where),
            scope.Parameters, cancellationToken: cancellationToken))).ToList();

        var rows = report.Rows(counts.Select(c => c.GroupKey), Codes.Of(report.Filter.GroupBy));
        var columns = Baseline.BaselineAreas.Levels
            .Select(l => new ReportColumn(l.ToString(System.Globalization.CultureInfo.InvariantCulture), l == 0 ? report.Texts["Level0"] : report.Texts["LevelN", l]))
            .ToList();
        IReadOnlyList<ReportColumn> measures = [new("atLeastBasic", report.Texts["MeasureAtLeastBasic"])];

        return report.Areas.Select(area =>
        {
            var grid = ReportTables.Grid(rows.Select(r => r.Key).ToList(), columns.Count, (key, level) =>
                counts.Where(c => c.GroupKey == key && c.Level(area) == level).Sum(c => c.Clients));
            IReadOnlyList<double?> AtLeastBasic(int? row)
            {
                var scoped = counts.Where(c => row is null || c.GroupKey == rows[row.Value].Key).ToList();
                return [ReportTables.Percent(scoped.Where(c => c.Level(area) >= Baseline.BaselineAreas.BasicLevel).Sum(c => c.Clients), scoped.Sum(c => c.Clients))];
            }

            return ReportTables.Build($"area{area}", report.AreaName(area), columns, measures, rows, grid, AtLeastBasic, report.Total);
        }).ToList();
    }
}
