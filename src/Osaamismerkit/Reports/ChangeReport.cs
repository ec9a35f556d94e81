using System.Text;
using Dapper;

namespace Osaamismerkit.Reports;

/// <summary>
/// Change per competence area from each client's first baseline in the period to their latest, for clients with at
/// least two; the row group is that of the latest baseline.
/// </summary>
internal static class ChangeReport
{
    // A client's first mapping in the period is the one whose previous is missing or before the period; their latest
    // has a previous in the period, so the two differ.
    private static readonly CompositeFormat Sql = CompositeFormat.Parse("""
        SELECT GroupKey, FirstPacked, LatestPacked, COUNT(*) AS Clients
        FROM (
            SELECT {0} AS GroupKey,
                   f.area1_level * 625 + f.area2_level * 125 + f.area3_level * 25 + f.area4_level * 5 + f.area5_level AS FirstPacked,
                   l.area1_level * 625 + l.area2_level * 125 + l.area3_level * 25 + l.area4_level * 5 + l.area5_level AS LatestPacked
            FROM baselines l
            JOIN baselines f ON f.client_id = l.client_id
            WHERE {1} AND (l.next_on IS NULL OR l.next_on > @To) AND {2}
        ) changes
        GROUP BY GroupKey, FirstPacked, LatestPacked
        """);

    public static async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext report, CancellationToken cancellationToken)
    {
        var scope = BaselineScope.For(report.Filter, report.Database.Dialect, alias: "l");
        var first = report.Filter.From is null
            ? "l.previous_on IS NOT NULL AND f.previous_on IS NULL"
            : "l.previous_on >= @From AND f.assessed_on >= @From AND (f.previous_on IS NULL OR f.previous_on < @From)";
        await using var connection = await report.Database.OpenAsync(cancellationToken);
        var packed = (await connection.QueryAsync<PackedChange>(new CommandDefinition(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, scope.Group, scope.Where, first),
            scope.Parameters, cancellationToken: cancellationToken))).ToList();
        var counts = packed.Select(p => p.ToChange()).ToList();

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

    /// <summary>A client's five levels travel as one base-5 number (area 1 the highest digit): two group columns instead of ten.</summary>
    private sealed record PackedChange
    {
        public required string GroupKey { get; init; }

        public int FirstPacked { get; init; }

        public int LatestPacked { get; init; }

        public long Clients { get; init; }

        public AreaLevels ToChange() => new()
        {
            GroupKey = GroupKey,
            L1 = Digit(LatestPacked, 4) - Digit(FirstPacked, 4),
            L2 = Digit(LatestPacked, 3) - Digit(FirstPacked, 3),
            L3 = Digit(LatestPacked, 2) - Digit(FirstPacked, 2),
            L4 = Digit(LatestPacked, 1) - Digit(FirstPacked, 1),
            L5 = Digit(LatestPacked, 0) - Digit(FirstPacked, 0),
            Clients = Clients,
        };

        private static int Digit(int packed, int position) => packed / (int)Math.Pow(5, position) % 5;
    }
}
