namespace Osaamismerkit.Reports;

/// <summary>Which cells and totals of a <see cref="CountGrid"/> are published as "&lt;5".</summary>
public sealed record Suppression(bool[,] Cells, bool[] RowTotals, bool[] ColumnTotals, bool Total)
{
    public int Count =>
        Cells.Cast<bool>().Count(s => s) + RowTotals.Count(s => s) + ColumnTotals.Count(s => s) + (Total ? 1 : 0);
}
