using Osaamismerkit.Reports;

namespace Osaamismerkit.Tests.Reports;

public sealed class SmallCellsTests
{
    [Test]
    public void A_lone_small_cell_in_a_row_takes_the_smallest_other_cell_of_its_row_and_column_with_it()
    {
        // 2×3 table with one small cell (3): its row and its column would each give it away by subtraction.
        var grid = new CountGrid(new long[,] { { 3, 10, 20 }, { 8, 9, 30 } });

        var hidden = SmallCells.Suppress(grid);

        Assert.Multiple(() =>
        {
            Assert.That(hidden.Cells[0, 0], Is.True, "primary");
            Assert.That(hidden.Cells[0, 1], Is.True, "row complement: the smallest other cell of row 0");
            Assert.That(hidden.Cells[1, 0], Is.True, "column complement: the other cell of column 0");
            Assert.That(hidden.Cells[1, 1], Is.True, "row 1 then has one hidden cell, so its smallest other one goes too");
            Assert.That(hidden.Cells[0, 2] || hidden.Cells[1, 2], Is.False, "the large column stays");
            Assert.That(hidden.RowTotals, Is.All.False);
            Assert.That(hidden.Total, Is.False);
        });
        AssertNothingRecoverable(grid, hidden);
    }

    [Test]
    public void A_small_total_is_hidden_and_one_hidden_total_takes_another_with_it()
    {
        var grid = new CountGrid(new long[,] { { 2, 1 }, { 10, 12 }, { 7, 9 } });

        var hidden = SmallCells.Suppress(grid);

        Assert.That(hidden.RowTotals[0], Is.True, "row 0 describes 3 clients");
        Assert.That(hidden.RowTotals.Count(h => h), Is.GreaterThanOrEqualTo(2), "the grand total would give one hidden row total away");
        AssertNothingRecoverable(grid, hidden);
    }

    [Test]
    public void Zero_counts_are_small_too()
    {
        var hidden = SmallCells.Suppress(new CountGrid(new long[,] { { 0, 12, 15 } }));

        Assert.That(hidden.Cells[0, 0], Is.True);
        Assert.That(hidden.Cells[0, 1], Is.True, "complement in its row");
        Assert.That(hidden.Cells[0, 2], Is.False);
    }

    [Test]
    public void Cells_are_judged_by_the_clients_behind_them_not_by_the_number_shown()
    {
        // Six badges, but all earned by two clients: the cell describes two people.
        var grid = new CountGrid(new long[,] { { 6, 40 } }, new long[,] { { 2, 30 } }, [31], [2, 30], 31);

        var hidden = SmallCells.Suppress(grid);

        Assert.That(hidden.Cells[0, 0], Is.True);
        Assert.That(hidden.ColumnTotals[0], Is.True, "the column total describes the same two clients");
    }

    /// <summary>No row, column or total sum has exactly one hidden term, so no hidden value follows by subtraction.</summary>
    private static void AssertNothingRecoverable(CountGrid grid, Suppression hidden)
    {
        for (var r = 0; r < grid.Rows; r++)
        {
            var count = Enumerable.Range(0, grid.Columns).Count(c => hidden.Cells[r, c]) + (hidden.RowTotals[r] ? 1 : 0);
            Assert.That(count, Is.Not.EqualTo(1), $"row {r}");
        }

        for (var c = 0; c < grid.Columns; c++)
        {
            var count = Enumerable.Range(0, grid.Rows).Count(r => hidden.Cells[r, c]) + (hidden.ColumnTotals[c] ? 1 : 0);
            Assert.That(count, Is.Not.EqualTo(1), $"column {c}");
        }

        Assert.That(hidden.RowTotals.Count(h => h) + (hidden.Total ? 1 : 0), Is.Not.EqualTo(1), "row totals");
        Assert.That(hidden.ColumnTotals.Count(h => h) + (hidden.Total ? 1 : 0), Is.Not.EqualTo(1), "column totals");
    }
}
