using System.Text;
using Dapper;

namespace Osaamismerkit.Reports;

/// <summary>
/// Days from a client's first baseline to their first badge after it, for clients whose first baseline falls in the
/// period; the row group is that of the first baseline.
/// </summary>
internal static class TimeToBadgeReport
{
    private static readonly CompositeFormat Sql = CompositeFormat.Parse("""
        SELECT {1} AS GroupKey, b.assessed_on, COALESCE(c.report_key, 0) AS ReportKey,
               (SELECT MIN(s.issued_on) FROM assertions s
                WHERE s.client_id = b.client_id AND s.replaces_id IS NULL AND s.issued_on >= b.assessed_on {0}) AS FirstBadge
        FROM baselines b
        LEFT JOIN clients c ON c.id = b.client_id
        WHERE {2} AND b.previous_on IS NULL
        """);

    private static readonly int[] Limits = [30, 90, 180];

    public static async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext report, CancellationToken cancellationToken)
    {
        // The client's first mapping ever, when it falls in the period (and, filtered, was made in that municipality or unit).
        var scope = BaselineScope.For(report.Filter, report.Database.Dialect);
        var badges = string.Empty;
        if (report.Filter.Track is { } track)
        {
            badges = "AND s.badge_id IN @Badges";
            scope.Parameters.Add("Badges", Tracks.BadgeIds(report.Catalogue, track));
        }

        await using var connection = await report.Database.OpenAsync(cancellationToken);
        var clients = (await connection.QueryAsync<FirstBadgeRow>(new CommandDefinition(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, badges, scope.Group, scope.Where),
            scope.Parameters, cancellationToken: cancellationToken))).ToList();

        var rows = report.Rows(clients.Select(c => c.GroupKey), ReportCodes.Of(report.Filter.GroupBy));
        IReadOnlyList<ReportColumn> columns =
        [
            new("0-30", report.Texts["Days0to30"]),
            new("31-90", report.Texts["Days31to90"]),
            new("91-180", report.Texts["Days91to180"]),
            new("over180", report.Texts["DaysOver180"]),
            new("none", report.Texts["NoBadgeYet"]),
        ];
        IReadOnlyList<ReportColumn> measures = [new("medianDays", report.Texts["MeasureMedianDays"])];
        var cells = clients.GroupBy(c => (c.GroupKey, Column(c.Days))).ToDictionary(g => g.Key, g => (Clients: (long)g.Count(), Keys: g.Sum(c => c.ReportKey)));
        var days = clients.Where(c => c.Days is not null).GroupBy(c => c.GroupKey).ToDictionary(g => g.Key, g => g.Select(c => c.Days!.Value).ToList(), StringComparer.Ordinal);
        var grid = ReportTables.Grid(rows.Select(r => r.Key).ToList(), columns.Count, (key, column) => cells.GetValueOrDefault((key, column)).Clients, (key, column) => cells.GetValueOrDefault((key, column)).Keys);
        IReadOnlyList<double?> Median(int? row) =>
            [MedianOf(row is null ? days.Values.SelectMany(d => d).ToList() : [.. days.GetValueOrDefault(rows[row.Value].Key) ?? []])];
        return [ReportTables.Build("time-to-badge", report.Texts["TimeTable"], columns, measures, rows, grid, Median, report.Total)];
    }

    private static int Column(int? days) => days switch
    {
        null => 4,
        _ when days <= Limits[0] => 0,
        _ when days <= Limits[1] => 1,
        _ when days <= Limits[2] => 2,
        _ => 3,
    };

    /// <summary>The median in days, rounded to whole weeks and only over enough clients (ReportTables.MinimumForMeasures).</summary>
    private static double? MedianOf(List<int> days)
    {
        if (days.Count < ReportTables.MinimumForMeasures)
        {
            return null;
        }

        days.Sort();
        var middle = days.Count / 2;
        var median = days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2.0;
        return 7 * Math.Round(median / 7, MidpointRounding.AwayFromZero);
    }

    private sealed record FirstBadgeRow
    {
        public required string GroupKey { get; init; }

        public DateOnly AssessedOn { get; init; }

        public long ReportKey { get; init; }

        public DateTimeOffset? FirstBadge { get; init; }

        public int? Days => FirstBadge is { } badge ? DateOnly.FromDateTime(badge.UtcDateTime).DayNumber - AssessedOn.DayNumber : null;
    }
}
