namespace Osaamismerkit.Reports;

/// <summary>
/// Small-cell suppression for a two-way table published with its row, column and grand totals.
/// <para>
/// Primary: every cell or total describing fewer than <see cref="Threshold"/> clients (zero included) is hidden.
/// Complementary: the table is a set of sums — each row adds up to its row total, each column to its column
/// total, and the row totals and the column totals each add up to the grand total. A sum with exactly one hidden
/// term gives that term away by subtraction, so in every such sum with one hidden term the smallest visible term
/// is hidden too, preferring inner cells to totals, until no sum has exactly one hidden term.
/// </para>
/// </summary>
public static class SmallCells
{
    public const int Threshold = 5;

    public static Suppression Suppress(CountGrid grid, int threshold = Threshold)
    {
        var rows = grid.Rows;
        var columns = grid.Columns;
        var inner = rows * columns;
        var size = inner + rows + columns + 1;
        int Cell(int r, int c) => (r * columns) + c;
        int RowTotal(int r) => inner + r;
        int ColumnTotal(int c) => inner + rows + c;
        var grand = size - 1;

        var value = new long[size];
        var clients = new long[size];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                value[Cell(r, c)] = grid.Values[r, c];
                clients[Cell(r, c)] = grid.Clients[r, c];
            }

            value[RowTotal(r)] = grid.RowTotal(r);
            clients[RowTotal(r)] = grid.RowClients[r];
        }

        for (var c = 0; c < columns; c++)
        {
            value[ColumnTotal(c)] = grid.ColumnTotal(c);
            clients[ColumnTotal(c)] = grid.ColumnClients[c];
        }

        value[grand] = grid.Total;
        clients[grand] = grid.TotalClients;

        var sums = new List<int[]>();
        for (var r = 0; r < rows; r++)
        {
            sums.Add([.. Enumerable.Range(0, columns).Select(c => Cell(r, c)), RowTotal(r)]);
        }

        for (var c = 0; c < columns; c++)
        {
            sums.Add([.. Enumerable.Range(0, rows).Select(r => Cell(r, c)), ColumnTotal(c)]);
        }

        sums.Add([.. Enumerable.Range(0, rows).Select(RowTotal), grand]);
        sums.Add([.. Enumerable.Range(0, columns).Select(ColumnTotal), grand]);

        var hidden = clients.Select(n => n < threshold).ToArray();
        bool changed;
        do
        {
            changed = false;
            foreach (var sum in sums)
            {
                if (sum.Count(i => hidden[i]) != 1)
                {
                    continue;
                }

                var complement = sum
                    .Where(i => !hidden[i])
                    .OrderBy(i => i >= inner)
                    .ThenBy(i => value[i])
                    .ThenBy(i => i)
                    .Cast<int?>()
                    .FirstOrDefault();
                if (complement is { } chosen)
                {
                    hidden[chosen] = true;
                    changed = true;
                }
            }
        }
        while (changed);

        var cells = new bool[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                cells[r, c] = hidden[Cell(r, c)];
            }
        }

        return new Suppression(
            cells,
            Enumerable.Range(0, rows).Select(r => hidden[RowTotal(r)]).ToArray(),
            Enumerable.Range(0, columns).Select(c => hidden[ColumnTotal(c)]).ToArray(),
            hidden[grand]);
    }
}
