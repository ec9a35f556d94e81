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
        SELECT GroupKey, L1, L2, L3, L4, L5, COUNT(*) AS Clients
        FROM (
            SELECT {0} AS GroupKey,
                   area1_level - FIRST_VALUE(area1_level) OVER (PARTITION BY client_id ORDER BY assessed_on, created_at, id) AS L1,
                   area2_level - FIRST_VALUE(area2_level) OVER (PARTITION BY client_id ORDER BY assessed_on, created_at, id) AS L2,
                   area3_level - FIRST_VALUE(area3_level) OVER (PARTITION BY client_id ORDER BY assessed_on, created_at, id) AS L3,
                   area4_level - FIRST_VALUE(area4_level) OVER (PARTITION BY client_id ORDER BY assessed_on, created_at, id) AS L4,
                   area5_level - FIRST_VALUE(area5_level) OVER (PARTITION BY client_id ORDER BY assessed_on, created_at, id) AS L5,
                   ROW_NUMBER() OVER (PARTITION BY client_id ORDER BY assessed_on, created_at, id) AS ordinal,
                   LEAD(id) OVER (PARTITION BY client_id ORDER BY assessed_on, created_at, id) AS next_id
            FROM baselines
            WHERE {1}
        ) changes
        WHERE next_id IS NULL AND ordinal > 1
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

        var sums = AreaSums.Of(counts, Column);
        var changes = AreaSums.Of(counts, _ => 0, (c, area) => c.Level(area) * c.Clients);
        return report.Areas.Select(area =>
        {
            var grid = ReportTables.Grid(rows.Select(r => r.Key).ToList(), columns.Count, (key, column) => sums.Get(key, area, column));
            IReadOnlyList<double?> Mean(int? row)
            {
                var keys = row is null ? rows.Select(r => r.Key).ToList() : [rows[row.Value].Key];
                var clients = keys.Sum(k => Enumerable.Range(0, columns.Count).Sum(c => sums.Get(k, area, c)));
                return [clients == 0 ? null : Math.Round((double)keys.Sum(k => changes.Get(k, area, 0)) / clients, 2)];
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
