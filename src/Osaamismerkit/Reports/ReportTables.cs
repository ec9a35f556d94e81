namespace Osaamismerkit.Reports;

/// <summary>
/// Turns counts into a publishable table: small cells and their complements hidden, and a row's measures (shares,
/// means, medians) left out whenever any count in that row is hidden, since a measure could give the hidden ones away.
/// </summary>
internal static class ReportTables
{
    public const string TotalKey = "total";

    /// <param name="measures">Measures of row i, or of the whole table for null.</param>
    public static ReportTable Build(
        string key,
        string title,
        IReadOnlyList<ReportColumn> columns,
        IReadOnlyList<ReportColumn> measureColumns,
        IReadOnlyList<ReportColumn> rows,
        CountGrid grid,
        Func<int?, IReadOnlyList<double?>> measures,
        string totalLabel)
    {
        var hidden = SmallCells.Suppress(grid);
        bool Small(long clients) => clients < SmallCells.Threshold;
        var published = new List<ReportRow>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = Enumerable.Range(0, columns.Count).Select(c => ReportCell.Of(grid.Values[r, c], hidden.Cells[r, c], Small(grid.Clients[r, c]))).ToList();
            var any = hidden.RowTotals[r] || cells.Any(c => c.Suppressed);
            published.Add(new ReportRow(
                rows[r].Key,
                rows[r].Label,
                cells,
                ReportCell.Of(grid.RowTotal(r), hidden.RowTotals[r], Small(grid.RowClients[r])),
                any ? Nulls(measureColumns.Count) : measures(r)));
        }

        var totals = Enumerable.Range(0, columns.Count).Select(c => ReportCell.Of(grid.ColumnTotal(c), hidden.ColumnTotals[c], Small(grid.ColumnClients[c]))).ToList();
        var anyTotal = hidden.Total || totals.Any(c => c.Suppressed);
        var totalRow = new ReportRow(
            TotalKey, totalLabel, totals, ReportCell.Of(grid.Total, hidden.Total, Small(grid.TotalClients)), anyTotal ? Nulls(measureColumns.Count) : measures(null));
        return new ReportTable(key, title, columns, measureColumns, published, totalRow);
    }

    /// <summary>A grid from counts keyed by (row, column); rows in the given order.</summary>
    public static CountGrid Grid(IReadOnlyList<string> rowKeys, int columns, Func<string, int, long> count)
    {
        var values = new long[rowKeys.Count, columns];
        for (var r = 0; r < rowKeys.Count; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[r, c] = count(rowKeys[r], c);
            }
        }

        return new CountGrid(values);
    }

    public static double? Percent(long part, long whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);

    private static List<double?> Nulls(int count) => Enumerable.Repeat<double?>(null, count).ToList();
}
