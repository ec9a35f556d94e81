using System.Text;
using Dapper;

namespace Osaamismerkit.Reports;

/// <summary>
/// Change per competence area from each client's first baseline in the period to their latest, for clients with at
/// least two; the row group is that of the latest baseline.
/// </summary>
internal static class ChangeReport
{
    private static readonly CompositeFormat Sql = CompositeFormat.Parse("""
        WITH ranked AS (
            SELECT client_id, {0} AS GroupKey, area1_level, area2_level, area3_level, area4_level, area5_level,
                   ROW_NUMBER() OVER (PARTITION BY client_id ORDER BY assessed_on DESC, created_at DESC, id DESC) AS rn_last,
                   ROW_NUMBER() OVER (PARTITION BY client_id ORDER BY assessed_on, created_at, id) AS rn_first
            FROM baselines
            WHERE {1}
        )
        SELECT GroupKey, L1, L2, L3, L4, L5, COUNT(*) AS Clients
        FROM (
            SELECT l.GroupKey,
                   l.area1_level - f.area1_level AS L1, l.area2_level - f.area2_level AS L2, l.area3_level - f.area3_level AS L3,
                   l.area4_level - f.area4_level AS L4, l.area5_level - f.area5_level AS L5
            FROM ranked l
            JOIN ranked f ON f.client_id = l.client_id AND f.rn_first = 1
            WHERE l.rn_last = 1 AND l.rn_first > 1
        ) changes
        GROUP BY GroupKey, L1, L2, L3, L4, L5
        """);

    public static async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext report, CancellationToken cancellationToken)
    {
        var scope = BaselineScope.For(report.Filter, report.Database.Dialect);
        await using var connection = await report.Database.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<AreaLevels>(new CommandDefinition(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, scope.Group, scope.Where),
            scope.Parameters, cancellationToken: cancellationToken))).ToList();

        var rows = report.Rows(counts.Select(c => c.GroupKey), Codes.Of(report.Filter.GroupBy));
        IReadOnlyList<ReportColumn> columns =
        [
            new("down", report.Texts["ChangeDown"]),
            new("same", report.Texts["ChangeSame"]),
            new("up1", report.Texts["ChangeUp1"]),
            new("up2", report.Texts["ChangeUp2"]),
        ];
        IReadOnlyList<ReportColumn> measures = [new("meanChange", report.Texts["MeasureMeanChange"])];

        return report.Areas.Select(area =>
        {
            var grid = ReportTables.Grid(rows.Select(r => r.Key).ToList(), columns.Count, (key, column) =>
                counts.Where(c => c.GroupKey == key && Column(c.Level(area)) == column).Sum(c => c.Clients));
            IReadOnlyList<double?> Mean(int? row)
            {
                var scoped = counts.Where(c => row is null || c.GroupKey == rows[row.Value].Key).ToList();
                var clients = scoped.Sum(c => c.Clients);
                return [clients == 0 ? null : Math.Round((double)scoped.Sum(c => c.Level(area) * c.Clients) / clients, 2)];
            }

            return ReportTables.Build($"area{area}", report.AreaName(area), columns, measures, rows, grid, Mean, report.Total);
        }).ToList();
    }

    private static int Column(int change) => change switch
    {
        < 0 => 0,
        0 => 1,
        1 => 2,
        _ => 3,
    };
}
