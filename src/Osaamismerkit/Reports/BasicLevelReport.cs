using System.Text;
using Dapper;
using Osaamismerkit.Catalogue;

namespace Osaamismerkit.Reports;

/// <summary>
/// The share of clients at the basic level (perustaso) per track, two ways: by their latest baseline (level 2 or
/// more in every area the track's basic-level badges align to) and by holding the track's basic-level milestone badge.
/// </summary>
internal static class BasicLevelReport
{
    // Whether the latest mapping reaches the basic level is decided per row ({1}, {2}), so that clients group by four
    // yes/no values instead of every combination of five levels.
    private static readonly CompositeFormat Sql = CompositeFormat.Parse("""
        SELECT GroupKey, CitizenReached, WorkLifeReached, CitizenBadge, WorkLifeBadge, COUNT(*) AS Clients, SUM(report_key) AS ReportKeys
        FROM (
            SELECT {0} AS GroupKey, COALESCE(c.report_key, 0) AS report_key,
                   CASE WHEN {1} THEN 1 ELSE 0 END AS CitizenReached,
                   CASE WHEN {2} THEN 1 ELSE 0 END AS WorkLifeReached,
                   CASE WHEN EXISTS (SELECT 1 FROM assertions s WHERE s.client_id = b.client_id AND s.badge_id = @CitizenMilestone
                                     AND s.revoked_at IS NULL AND s.issued_on < @End) THEN 1 ELSE 0 END AS CitizenBadge,
                   CASE WHEN EXISTS (SELECT 1 FROM assertions s WHERE s.client_id = b.client_id AND s.badge_id = @WorkLifeMilestone
                                     AND s.revoked_at IS NULL AND s.issued_on < @End) THEN 1 ELSE 0 END AS WorkLifeBadge
            FROM baselines b
            LEFT JOIN clients c ON c.id = b.client_id
            WHERE {3} AND {4}
        ) clients
        GROUP BY GroupKey, CitizenReached, WorkLifeReached, CitizenBadge, WorkLifeBadge
        """);

    public static async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext report, CancellationToken cancellationToken)
    {
        var scope = BaselineScope.For(report.Filter, report.Database.Dialect);
        scope.Parameters.Add("CitizenMilestone", Tracks.BasicMilestone(report.Catalogue, Track.Citizen) ?? string.Empty);
        scope.Parameters.Add("WorkLifeMilestone", Tracks.BasicMilestone(report.Catalogue, Track.WorkLife) ?? string.Empty);
        scope.Parameters.Add("End", report.Filter.End);
        await using var connection = await report.Database.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<ClientLevels>(new CommandDefinition(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, scope.Group, Reached(report, Track.Citizen), Reached(report, Track.WorkLife), scope.Where, scope.Latest),
            scope.Parameters, cancellationToken: cancellationToken))).ToList();

        var rows = report.Rows(counts.Select(c => c.GroupKey), ReportCodes.Of(report.Filter.GroupBy));
        IReadOnlyList<ReportColumn> columns = [new("reached", report.Texts["BasicReached"]), new("notYet", report.Texts["BasicNotYet"])];
        IReadOnlyList<ReportColumn> measures = [new("share", report.Texts["MeasureShare"])];
        var tables = new List<ReportTable>();
        foreach (var track in report.Filter.Track is { } t ? [t] : Tracks.All)
        {
            var name = report.Texts["Track_" + Tracks.Code(track)];
            Func<ClientLevels, bool> byBaseline = c => (track == Track.Citizen ? c.CitizenReached : c.WorkLifeReached) == 1;
            Func<ClientLevels, bool> byBadge = c => (track == Track.Citizen ? c.CitizenBadge : c.WorkLifeBadge) == 1;
            foreach (var (key, title, reached) in new[]
                     {
                         ($"{Tracks.Code(track)}-baseline", report.Texts["BasicByBaseline", name].Value, byBaseline),
                         ($"{Tracks.Code(track)}-badge", report.Texts["BasicByBadge", name].Value, byBadge),
                     })
            {
                var split = counts.GroupBy(c => (c.GroupKey, reached(c))).ToDictionary(g => g.Key, g => (Clients: g.Sum(c => c.Clients), Keys: g.Sum(c => c.ReportKeys)));
                var grid = ReportTables.Grid(
                    rows.Select(r => r.Key).ToList(), columns.Count,
                    (group, column) => split.GetValueOrDefault((group, column == 0)).Clients,
                    (group, column) => split.GetValueOrDefault((group, column == 0)).Keys);
                IReadOnlyList<double?> Share(int? row)
                {
                    var inRow = row is null ? rows.Select(r => r.Key).ToList() : [rows[row.Value].Key];
                    var yes = inRow.Select(k => split.GetValueOrDefault((k, true))).ToList();
                    var all = yes.Concat(inRow.Select(k => split.GetValueOrDefault((k, false)))).ToList();
                    return [CellKeyRounding.Percent(yes.Sum(s => s.Clients), yes.Sum(s => s.Keys), all.Sum(s => s.Clients), all.Sum(s => s.Keys))];
                }

                tables.Add(ReportTables.Build(key, title, columns, measures, rows, grid, Share, report.Total));
            }
        }

        return tables;
    }

    /// <summary>Level 2 or more in every area of the track's basic-level badges; area numbers from the catalogue, no input.</summary>
    private static string Reached(ReportContext report, Track track)
    {
        var areas = Tracks.Areas(report.Catalogue, track);
        return areas.Count == 0
            ? "1 = 1"
            : string.Join(" AND ", areas.Select(a => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"b.area{a}_level >= {Baseline.BaselineAreas.BasicLevel}")));
    }

    private sealed record ClientLevels
    {
        public required string GroupKey { get; init; }

        public int CitizenReached { get; init; }

        public int WorkLifeReached { get; init; }

        public int CitizenBadge { get; init; }

        public int WorkLifeBadge { get; init; }

        public long Clients { get; init; }

        public long ReportKeys { get; init; }
    }
}
