namespace Osaamismerkit.Reports;

/// <summary>Clients summed by row group, competence area and column, so that building a table is lookups, not scans.</summary>
internal sealed class AreaSums
{
    private readonly Dictionary<(string Group, int Area, int Column), long> _sums = [];

    public void Add(string group, int area, int column, long amount) =>
        _sums[(group, area, column)] = _sums.GetValueOrDefault((group, area, column)) + amount;

    /// <summary>Adds a count as the database returned it (long from SQLite, int from SQL Server).</summary>
    public void Add(string group, int area, int column, object count) =>
        Add(group, area, column, Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture));

    public long Get(string group, int area, int column) => _sums.GetValueOrDefault((group, area, column));
}
