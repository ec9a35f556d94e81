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
    private const string From = """
        FROM assertions a
        JOIN clients c ON c.id = a.client_id
        LEFT JOIN assessments m ON m.id = a.assessment_id
        """;

    private const string Mode = "COALESCE(m.delivery_mode, 'automatic')";
    private const string Unit = "COALESCE(m.unit_id, c.unit_id)";

    private static readonly IReadOnlyList<string> Modes = ["onsite", "remote", "hybrid", "automatic"];

    public static async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportContext report, CancellationToken cancellationToken)
    {
        var filter = report.Filter;
        var row = filter.By switch
        {
            BadgeRows.Badge => "a.badge_id",
            BadgeRows.Unit => Unit,
            _ => report.Database.Dialect.MonthOf("a.issued_on"),
        };
        var where = new StringBuilder("a.replaces_id IS NULL AND a.issued_on < @End");
        var parameters = new DynamicParameters(new { filter.End });
        if (filter.From is not null)
        {
            where.Append(" AND a.issued_on >= @Start");
            parameters.Add("Start", filter.Start);
        }

        if (filter.Municipality is not null)
        {
            where.Append(" AND c.municipality_code = @Municipality");
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

        // The cells, then the distinct clients behind each row, each column and the whole table, for suppression.
        var sql = $"""
            SELECT {row} AS RowKey, {Mode} AS Mode, COUNT(*) AS Badges, COUNT(DISTINCT a.client_id) AS Clients {From} WHERE {where} GROUP BY {row}, {Mode};
            SELECT {row} AS RowKey, '' AS Mode, 0 AS Badges, COUNT(DISTINCT a.client_id) AS Clients {From} WHERE {where} GROUP BY {row};
            SELECT '' AS RowKey, {Mode} AS Mode, 0 AS Badges, COUNT(DISTINCT a.client_id) AS Clients {From} WHERE {where} GROUP BY {Mode};
            SELECT '' AS RowKey, '' AS Mode, 0 AS Badges, COUNT(DISTINCT a.client_id) AS Clients {From} WHERE {where};
            """;
        await using var connection = await report.Database.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var cells = (await results.ReadAsync<BadgeCount>()).ToList();
        var byRow = (await results.ReadAsync<BadgeCount>()).ToDictionary(r => r.RowKey, r => r.Clients, StringComparer.Ordinal);
        var byMode = (await results.ReadAsync<BadgeCount>()).ToDictionary(r => r.Mode, r => r.Clients, StringComparer.Ordinal);
        var total = (await results.ReadAsync<BadgeCount>()).Single().Clients;

        var rows = report.Rows(cells.Select(c => c.RowKey), Codes.Of(filter.By));
        var columns = Modes.Select(m => new ReportColumn(m, report.Texts["Mode_" + m])).ToList();
        var values = new long[rows.Count, Modes.Count];
        var clients = new long[rows.Count, Modes.Count];
        foreach (var cell in cells)
        {
            var r = rows.ToList().FindIndex(x => x.Key == cell.RowKey);
            var c = Modes.ToList().IndexOf(cell.Mode);
            values[r, c] = cell.Badges;
            clients[r, c] = cell.Clients;
        }

        var grid = new CountGrid(
            values,
            clients,
            rows.Select(r => byRow.GetValueOrDefault(r.Key)).ToArray(),
            Modes.Select(m => byMode.GetValueOrDefault(m)).ToArray(),
            total);
        return [ReportTables.Build("badges", report.Texts["BadgesTable"], columns, [], rows, grid, _ => [], report.Total)];
    }

    private sealed record BadgeCount
    {
        public required string RowKey { get; init; }

        public required string Mode { get; init; }

        public long Badges { get; init; }

        public long Clients { get; init; }
    }
}
