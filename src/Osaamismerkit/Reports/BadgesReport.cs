using System.Data.Common;
using System.Text;
using Dapper;

namespace Osaamismerkit.Reports;

/// <summary>
/// Badges issued in the period per month, badge or unit, by delivery mode. A badge re-issued after its claim code was
/// redeemed counts once (at its first issue). Counts are badges, but suppression looks at how many clients each
/// count describes: one client may earn several badges in a cell.
/// </summary>
internal static class BadgesReport
{
    // Unit, delivery mode and municipality are those of the issue, copied onto each assertion (migration 0006).
    private const string From = "FROM assertions a";
    private const string Mode = "COALESCE(a.delivery_mode, 'automatic')";
    private const string Unit = "a.unit_id";

    private static readonly IReadOnlyList<string> Modes = ["onsite", "remote", "hybrid", "automatic"];

    public static async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext report, CancellationToken cancellationToken)
    {
        var (where, parameters) = Conditions(report);
        await using var connection = await report.Database.OpenAsync(cancellationToken);
        var issued = new IssuedBadges(connection, RowKey(report), where, parameters, cancellationToken);
        var perClient = Math.Max(1, report.Catalogue.Badges.Count);
        var cells = await CellsAsync(issued, report.Filter.By, perClient);
        var clients = await ClientTotalsAsync(issued, cells);
        return [Table(report, cells, clients)];
    }

    /// <summary>What a report row is: a month of issue, a badge or a unit.</summary>
    private static string RowKey(ReportContext report) => report.Filter.By switch
    {
        BadgeRows.Badge => "a.badge_id",
        BadgeRows.Unit => Unit,
        _ => report.Database.Dialect.MonthOf("a.issued_on"),
    };

    /// <summary>The filter as conditions on the assertions issued in the period, each badge at its first issue only.</summary>
    private static (string Where, DynamicParameters Parameters) Conditions(ReportContext report)
    {
        var filter = report.Filter;
        var where = new StringBuilder("a.replaces_id IS NULL AND a.issued_on < @End");
        var parameters = new DynamicParameters(new { filter.End });
        if (filter.From is not null)
        {
            where.Append(" AND a.issued_on >= @Start");
            parameters.Add("Start", filter.Start);
        }

        if (filter.Municipality is not null)
        {
            where.Append(" AND a.municipality_code = @Municipality");
            parameters.Add("Municipality", filter.Municipality);
        }

        if (filter.Unit is not null)
        {
            where.Append($" AND {Unit} = @Unit");
            parameters.Add("Unit", filter.Unit);
        }

        if (filter.Track is { } track)
        {
            where.Append(" AND a.badge_id IN @Badges");
            parameters.Add("Badges", Tracks.BadgeIds(report.Catalogue, track));
        }

        return (where.ToString(), parameters);
    }

    /// <summary>Badges per row and delivery mode, each with the clients behind it (exactly, where that can matter).</summary>
    private static async Task<List<BadgeCount>> CellsAsync(IssuedBadges issued, BadgeRows by, int perClient)
    {
        var (row, where, parameters) = (issued.Row, issued.Where, issued.Parameters);

        // Suppression needs the distinct clients behind a count only to know whether they are fewer than five. A client
        // holds each badge once, so a cell of n badges has at least n / (badges in the catalogue) clients: only cells
        // below that certainty are counted exactly, in a second pass over their rows alone (none, at scale).
        // One row per report row with a count per delivery mode: grouping by row and mode sorted every assertion twice over.
        // A cell of badges is rounded by the record keys of the badges' clients, one per badge (CellKeyRounding).
        var cellsSql = $"""
            SELECT RowKey,
                   SUM(CASE WHEN Mode = 'onsite' THEN 1 ELSE 0 END) AS Onsite, SUM(CASE WHEN Mode = 'remote' THEN 1 ELSE 0 END) AS Remote,
                   SUM(CASE WHEN Mode = 'hybrid' THEN 1 ELSE 0 END) AS Hybrid, SUM(CASE WHEN Mode = 'automatic' THEN 1 ELSE 0 END) AS Automatic,
                   SUM(CASE WHEN Mode = 'onsite' THEN ReportKey ELSE 0 END) AS OnsiteKeys, SUM(CASE WHEN Mode = 'remote' THEN ReportKey ELSE 0 END) AS RemoteKeys,
                   SUM(CASE WHEN Mode = 'hybrid' THEN ReportKey ELSE 0 END) AS HybridKeys, SUM(CASE WHEN Mode = 'automatic' THEN ReportKey ELSE 0 END) AS AutomaticKeys
            FROM (SELECT {row} AS RowKey, {Mode} AS Mode, COALESCE(c.report_key, 0) AS ReportKey {From} LEFT JOIN clients c ON c.id = a.client_id WHERE {where}) issued
            GROUP BY RowKey
            """;
        var cells = (await issued.QueryAsync<ModeCounts>(cellsSql))
            .SelectMany(r => r.Cells())
            .ToList();
        var sure = (long)SmallCells.Threshold * perClient;
        var unsure = cells.Where(c => c.Badges < sure).Select(c => c.RowKey).Distinct(StringComparer.Ordinal).ToList();
        var exact = new Dictionary<(string, string), long>();
        if (unsure.Count > 0)
        {
            parameters.Add("Unsure", unsure);
            var exactSql = $"SELECT {row} AS RowKey, {Mode} AS Mode, 0 AS Badges, COUNT(DISTINCT a.client_id) AS Clients {From} WHERE {where} AND {row} IN @Unsure{MonthRange(by, unsure, parameters)} GROUP BY {row}, {Mode}";
            foreach (var found in await issued.QueryAsync<BadgeCount>(exactSql))
            {
                exact[(found.RowKey, found.Mode)] = found.Clients;
            }
        }

        return cells.Select(c => c with
        {
            Clients = exact.TryGetValue((c.RowKey, c.Mode), out var n) ? n : (c.Badges + perClient - 1) / perClient,
        }).ToList();
    }

    /// <summary>
    /// The clients behind each row, each mode and the whole table: the largest cell's clients are a lower bound,
    /// counted exactly only where that bound is below the threshold.
    /// </summary>
    private static async Task<ClientTotals> ClientTotalsAsync(IssuedBadges issued, List<BadgeCount> cells)
    {
        var row = issued.Row;
        Dictionary<string, long> Bound(Func<BadgeCount, string> key) =>
            cells.GroupBy(key).ToDictionary(g => g.Key, g => g.Max(c => c.Clients), StringComparer.Ordinal);
        var byRow = Bound(c => c.RowKey);
        var byMode = Bound(c => c.Mode);
        if (byRow.Values.Any(n => n < SmallCells.Threshold))
        {
            byRow = await DistinctClientsAsync(issued, row, $" GROUP BY {row}");
        }

        if (byMode.Values.Any(n => n < SmallCells.Threshold))
        {
            byMode = await DistinctClientsAsync(issued, Mode, $" GROUP BY {Mode}");
        }

        var total = byRow.Values.DefaultIfEmpty(0).Max();
        if (total < SmallCells.Threshold)
        {
            total = (await DistinctClientsAsync(issued, "''", string.Empty)).Values.Single();
        }

        return new ClientTotals(byRow, byMode, total);
    }

    private static async Task<Dictionary<string, long>> DistinctClientsAsync(IssuedBadges issued, string key, string groupBy)
    {
        var where = issued.Where;
        var sql = $"SELECT {key} AS RowKey, '' AS Mode, 0 AS Badges, COUNT(DISTINCT a.client_id) AS Clients {From} WHERE {where}{groupBy}";
        var found = await issued.QueryAsync<BadgeCount>(sql);
        return found.ToDictionary(r => r.RowKey, r => r.Clients, StringComparer.Ordinal);
    }

    /// <summary>The cells as a grid of badges by row and delivery mode, with the clients that protect each count.</summary>
    private static ReportTable Table(ReportContext report, List<BadgeCount> cells, ClientTotals clientTotals)
    {
        var rows = report.Rows(cells.Select(c => c.RowKey), ReportCodes.Of(report.Filter.By));
        var columns = Modes.Select(m => new ReportColumn(m, report.Texts["Mode_" + m])).ToList();
        var values = new long[rows.Count, Modes.Count];
        var clients = new long[rows.Count, Modes.Count];
        var keys = new long[rows.Count, Modes.Count];
        foreach (var cell in cells)
        {
            var r = rows.ToList().FindIndex(x => x.Key == cell.RowKey);
            var c = Modes.ToList().IndexOf(cell.Mode);
            values[r, c] = cell.Badges;
            clients[r, c] = cell.Clients;
            keys[r, c] = cell.Keys;
        }

        var grid = new CountGrid(
            values,
            clients,
            rows.Select(r => clientTotals.ByRow.GetValueOrDefault(r.Key)).ToArray(),
            Modes.Select(m => clientTotals.ByMode.GetValueOrDefault(m)).ToArray(),
            clientTotals.Total,
            keys);
        return ReportTables.Build("badges", report.Texts["BadgesTable"], columns, [], rows, grid, _ => [], report.Total);
    }

    /// <summary>For month rows, the unsure months as a range of issue dates too, so that the index finds their rows.</summary>
    private static string MonthRange(BadgeRows by, IReadOnlyList<string> months, DynamicParameters parameters)
    {
        if (by != BadgeRows.Month)
        {
            return string.Empty;
        }

        var first = DateOnly.ParseExact(months.Min(StringComparer.Ordinal)! + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var last = DateOnly.ParseExact(months.Max(StringComparer.Ordinal)! + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        parameters.Add("UnsureFrom", new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        parameters.Add("UnsureTo", new DateTimeOffset(last.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        return " AND a.issued_on >= @UnsureFrom AND a.issued_on < @UnsureTo";
    }

    private sealed record ModeCounts
    {
        public required string RowKey { get; init; }

        public long Onsite { get; init; }

        public long Remote { get; init; }

        public long Hybrid { get; init; }

        public long Automatic { get; init; }

        public long OnsiteKeys { get; init; }

        public long RemoteKeys { get; init; }

        public long HybridKeys { get; init; }

        public long AutomaticKeys { get; init; }

        public IEnumerable<BadgeCount> Cells() =>
            new[] { ("onsite", Onsite, OnsiteKeys), ("remote", Remote, RemoteKeys), ("hybrid", Hybrid, HybridKeys), ("automatic", Automatic, AutomaticKeys) }
                .Where(m => m.Item2 > 0)
                .Select(m => new BadgeCount { RowKey = RowKey, Mode = m.Item1, Badges = m.Item2, Keys = m.Item3 });
    }

    private sealed record BadgeCount
    {
        public required string RowKey { get; init; }

        public required string Mode { get; init; }

        public long Badges { get; init; }

        public long Clients { get; init; }

        public long Keys { get; init; }
    }

    /// <summary>One report's query over the issued assertions: its connection, row key, conditions and parameters.</summary>
    private sealed record IssuedBadges(DbConnection Connection, string Row, string Where, DynamicParameters Parameters, CancellationToken CancellationToken)
    {
        public Task<IEnumerable<T>> QueryAsync<T>(string sql) =>
            Connection.QueryAsync<T>(new CommandDefinition(sql, Parameters, cancellationToken: CancellationToken));
    }

    private sealed record ClientTotals(Dictionary<string, long> ByRow, Dictionary<string, long> ByMode, long Total);
}
