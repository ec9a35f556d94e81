namespace Osaamismerkit.Reports;

/// <summary>
/// Turns counts into a publishable table: small cells and their complements hidden, every other count rounded to a
/// multiple of five by <see cref="CellKeyRounding"/>, and a row's measures (shares, means, medians) left out whenever any
/// count in that row is hidden, since a measure could give the hidden ones away.
/// <para>
/// Complementary suppression is kept although rounding already makes subtraction inexact: it still hides where in a
/// table the small groups are, and it costs nothing the rounding does not already cost.
/// </para>
/// </summary>
internal static class ReportTables
{
    public const string TotalKey = "total";

    /// <summary>
    /// A mean or median over n clients and one over n + 1 give the added client's value away by difference; rounding the
    /// counts does not protect a measure, so measures need this many clients and are published coarsely.
    /// </summary>
    public const int MinimumForMeasures = 10;

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
            var cells = Enumerable.Range(0, columns.Count).Select(c => ReportCell.Of(CellKeyRounding.Round(grid.Values[r, c], grid.Keys[r, c]), hidden.Cells[r, c], Small(grid.Clients[r, c]))).ToList();
            var any = hidden.RowTotals[r] || cells.Any(c => c.Suppressed);
            published.Add(new ReportRow(
                rows[r].Key,
                rows[r].Label,
                cells,
                ReportCell.Of(CellKeyRounding.Round(grid.RowTotal(r), grid.RowKey(r)), hidden.RowTotals[r], Small(grid.RowClients[r])),
                any ? Nulls(measureColumns.Count) : measures(r)));
        }

        var totals = Enumerable.Range(0, columns.Count).Select(c => ReportCell.Of(CellKeyRounding.Round(grid.ColumnTotal(c), grid.ColumnKey(c)), hidden.ColumnTotals[c], Small(grid.ColumnClients[c]))).ToList();
        var anyTotal = hidden.Total || totals.Any(c => c.Suppressed);
        var totalRow = new ReportRow(
            TotalKey, totalLabel, totals, ReportCell.Of(CellKeyRounding.Round(grid.Total, grid.TotalKey), hidden.Total, Small(grid.TotalClients)), anyTotal ? Nulls(measureColumns.Count) : measures(null));
        return new ReportTable(key, title, columns, measureColumns, published, totalRow);
    }

    /// <summary>A grid from counts and their clients' key sums keyed by (row, column); rows in the given order.</summary>
    public static CountGrid Grid(IReadOnlyList<string> rowKeys, int columns, Func<string, int, long> count, Func<string, int, long> keys)
    {
        var values = new long[rowKeys.Count, columns];
        var keySums = new long[rowKeys.Count, columns];
        for (var r = 0; r < rowKeys.Count; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[r, c] = count(rowKeys[r], c);
                keySums[r, c] = keys(rowKeys[r], c);
            }
        }

        return new CountGrid(values, keys: keySums);
    }

    private static List<double?> Nulls(int count) => Enumerable.Repeat<double?>(null, count).ToList();
}
