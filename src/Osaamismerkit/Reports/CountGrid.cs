namespace Osaamismerkit.Reports;

/// <summary>
/// A two-way table of counts to publish, with the number of distinct clients behind each cell and each total.
/// For a table that counts clients the two are the same; a table of badges issued counts badges but is
/// protected by the clients it describes (one client may hold several badges). <see cref="Keys"/> holds each cell's sum
/// of record keys (of its clients, or of the client of each badge) for <see cref="CellKeyRounding"/>; a row's, a column's
/// and the table's key is the sum of their cells' keys, since every count of a table adds up from its cells.
/// </summary>
public sealed class CountGrid
{
    public CountGrid(long[,] values, long[,]? clients = null, long[]? rowClients = null, long[]? columnClients = null, long? totalClients = null, long[,]? keys = null)
    {
        Values = values;
        Keys = keys ?? new long[values.GetLength(0), values.GetLength(1)];
        Clients = clients ?? values;
        if (Clients.GetLength(0) != Rows || Clients.GetLength(1) != Columns)
        {
            throw new ArgumentException("The client counts must have the shape of the values.", nameof(clients));
        }

        RowClients = rowClients ?? Enumerable.Range(0, Rows).Select(r => Enumerable.Range(0, Columns).Sum(c => values[r, c])).ToArray();
        ColumnClients = columnClients ?? Enumerable.Range(0, Columns).Select(c => Enumerable.Range(0, Rows).Sum(r => values[r, c])).ToArray();
        TotalClients = totalClients ?? RowClients.Sum();
        if (RowClients.Length != Rows || ColumnClients.Length != Columns)
        {
            throw new ArgumentException("One client count per row and per column is needed.");
        }
    }

    public long[,] Values { get; }

    public long[,] Clients { get; }

    public long[,] Keys { get; }

    public long[] RowClients { get; }

    public long[] ColumnClients { get; }

    public long TotalClients { get; }

    public int Rows => Values.GetLength(0);

    public int Columns => Values.GetLength(1);

    public long RowTotal(int row) => Enumerable.Range(0, Columns).Sum(c => Values[row, c]);

    public long ColumnTotal(int column) => Enumerable.Range(0, Rows).Sum(r => Values[r, column]);

    public long Total => Enumerable.Range(0, Rows).Sum(RowTotal);

    public long RowKey(int row) => Enumerable.Range(0, Columns).Sum(c => Keys[row, c]);

    public long ColumnKey(int column) => Enumerable.Range(0, Rows).Sum(r => Keys[r, column]);

    public long TotalKey => Enumerable.Range(0, Rows).Sum(RowKey);
}
