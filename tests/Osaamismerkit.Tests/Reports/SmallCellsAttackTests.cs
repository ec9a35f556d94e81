using System.Globalization;
using Osaamismerkit.Reports;

namespace Osaamismerkit.Tests.Reports;

/// <summary>
/// Small-cell suppression checked from the attacker's side, not by restating its own stopping rule: random small
/// tables are suppressed, and then everything a reader can work out by subtraction from what is published — the visible
/// cells and the visible row, column and grand totals — is worked out: no published count may be below five, and no
/// count worked out may be one to four.
/// </summary>
public sealed class SmallCellsAttackTests
{
    // The published rule (ReportCell: "fewer than five clients"), written here and not read from the code under test,
    // so that a lowered threshold in the code fails these tests instead of moving them along with it.
    private const int Smallest = 5;

    [Test]
    public void No_published_or_subtractable_count_in_thousands_of_random_small_tables_is_between_one_and_four()
    {
        var random = new Random(20260413);
        var failures = new List<string>();
        for (var i = 0; i < 4000 && failures.Count < 5; i++)
        {
            var grid = RandomGrid(random);
            if (Disclosures(grid, SmallCells.Suppress(grid)) is { Count: > 0 } found)
            {
                failures.Add($"{Show(grid)}: {string.Join("; ", found)}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void A_count_of_exactly_four_is_never_published()
    {
        // Four alone, four beside large counts, and four as a row or column total.
        var grids = new[]
        {
            new CountGrid(new long[,] { { 4 } }),
            new CountGrid(new long[,] { { 4, 30, 25 }, { 12, 40, 9 } }),
            new CountGrid(new long[,] { { 1, 3 }, { 20, 30 } }),
            new CountGrid(new long[,] { { 2, 20 }, { 2, 30 } }),
        };

        Assert.Multiple(() =>
        {
            foreach (var grid in grids)
            {
                Assert.That(Disclosures(grid, SmallCells.Suppress(grid)), Is.Empty, Show(grid));
            }
        });
    }

    [Test]
    public void The_attacker_used_here_finds_a_small_count_left_alone_in_its_row()
    {
        // The check itself is checked: publishing everything shows the 3, and hiding only the 3 gives it away by subtraction.
        var grid = new CountGrid(new long[,] { { 3, 10 }, { 8, 9 } });
        var nothing = new Suppression(new bool[2, 2], new bool[2], new bool[2], false);
        var onlyTheThree = new Suppression(new[,] { { true, false }, { false, false } }, new bool[2], new bool[2], false);

        Assert.That(Disclosures(grid, nothing), Has.Some.StartsWith("published"));
        Assert.That(Disclosures(grid, onlyTheThree), Has.Some.StartsWith("derived cell (0,0) = 3"));
    }

    /// <summary>Tables of one to four rows and one to five columns, most counts small, some zero, some large.</summary>
    private static CountGrid RandomGrid(Random random)
    {
        var rows = random.Next(1, 5);
        var columns = random.Next(1, 6);
        var values = new long[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[r, c] = random.Next(4) switch
                {
                    0 => random.Next(0, 5),
                    1 => random.Next(4, 7),
                    2 => random.Next(5, 15),
                    _ => random.Next(15, 60),
                };
            }
        }

        return new CountGrid(values);
    }

    /// <summary>Every count published below five, and every hidden count from one to four that the published figures give away.</summary>
    private static List<string> Disclosures(CountGrid grid, Suppression suppression)
    {
        var table = Published.Of(grid, suppression);
        var found = new List<string>();
        for (var i = 0; i < table.Values.Length; i++)
        {
            if (!table.Hidden[i] && table.Values[i] < Smallest)
            {
                found.Add($"published {table.Name(i)} = {table.Values[i]}");
            }
        }

        var known = table.Derivable();
        for (var i = 0; i < table.Values.Length; i++)
        {
            if (table.Hidden[i] && known[i] && table.Values[i] is > 0 and < Smallest)
            {
                found.Add($"derived {table.Name(i)} = {table.Values[i]}");
            }
        }

        return found;
    }

    private static string Show(CountGrid grid) =>
        "[" + string.Join(" | ", Enumerable.Range(0, grid.Rows).Select(r =>
            string.Join(" ", Enumerable.Range(0, grid.Columns).Select(c => grid.Values[r, c].ToString(CultureInfo.InvariantCulture))))) + "]";

    /// <summary>
    /// A table as its reader sees it: the inner cells, then the row totals, the column totals and the grand total, each
    /// value known or hidden, and the sums that tie them: each row, each column, the row totals and the column totals.
    /// </summary>
    private sealed class Published
    {
        private readonly int _rows;
        private readonly int _columns;
        private readonly List<int[]> _sums = [];

        private Published(CountGrid grid, Suppression suppression)
        {
            _rows = grid.Rows;
            _columns = grid.Columns;
            var inner = _rows * _columns;
            Values = new long[inner + _rows + _columns + 1];
            Hidden = new bool[Values.Length];
            for (var r = 0; r < _rows; r++)
            {
                for (var c = 0; c < _columns; c++)
                {
                    Values[(r * _columns) + c] = grid.Values[r, c];
                    Hidden[(r * _columns) + c] = suppression.Cells[r, c];
                }

                Values[inner + r] = Enumerable.Range(0, _columns).Sum(c => grid.Values[r, c]);
                Hidden[inner + r] = suppression.RowTotals[r];
                _sums.Add([.. Enumerable.Range(0, _columns).Select(c => (r * _columns) + c), inner + r]);
            }

            for (var c = 0; c < _columns; c++)
            {
                Values[inner + _rows + c] = Enumerable.Range(0, _rows).Sum(r => grid.Values[r, c]);
                Hidden[inner + _rows + c] = suppression.ColumnTotals[c];
                _sums.Add([.. Enumerable.Range(0, _rows).Select(r => (r * _columns) + c), inner + _rows + c]);
            }

            Values[^1] = Values[..inner].Sum();
            Hidden[^1] = suppression.Total;
            _sums.Add([.. Enumerable.Range(inner, _rows), Values.Length - 1]);
            _sums.Add([.. Enumerable.Range(inner + _rows, _columns), Values.Length - 1]);
        }

        public long[] Values { get; }

        public bool[] Hidden { get; }

        public static Published Of(CountGrid grid, Suppression suppression) => new(grid, suppression);

        public string Name(int i)
        {
            var inner = _rows * _columns;
            return i < inner ? $"cell ({i / _columns},{i % _columns})"
                : i < inner + _rows ? $"row total {i - inner}"
                : i < Values.Length - 1 ? $"column total {i - inner - _rows}"
                : "grand total";
        }

        /// <summary>
        /// Which values a reader can work out by subtraction: a sum with one unknown term gives it away, and each value
        /// worked out is then known for the other sums it is in, until nothing more follows.
        /// </summary>
        public bool[] Derivable()
        {
            var known = Hidden.Select(h => !h).ToArray();
            bool more;
            do
            {
                more = false;
                foreach (var sum in _sums)
                {
                    var unknown = sum.Where(i => !known[i]).ToList();
                    if (unknown.Count == 1)
                    {
                        known[unknown[0]] = true;
                        more = true;
                    }
                }
            }
            while (more);

            return known;
        }
    }
}
