namespace Osaamismerkit.Reports;

/// <summary>Clients summed by row group, competence area and column, so that building a table is lookups, not scans.</summary>
internal sealed class AreaSums
{
    private readonly Dictionary<(string Group, int Area, int Column), long> _sums = [];

    public static AreaSums Of(IEnumerable<AreaLevels> counts, Func<int, int> column, Func<AreaLevels, int, long>? amount = null)
    {
        var sums = new AreaSums();
        foreach (var count in counts)
        {
            foreach (var area in Baseline.BaselineAreas.Numbers)
            {
                var key = (count.GroupKey, area, column(count.Level(area)));
                sums._sums[key] = sums._sums.GetValueOrDefault(key) + (amount?.Invoke(count, area) ?? count.Clients);
            }
        }

        return sums;
    }

    public void Add(string group, int area, int column, long amount) =>
        _sums[(group, area, column)] = _sums.GetValueOrDefault((group, area, column)) + amount;

    public long Get(string group, int area, int column) => _sums.GetValueOrDefault((group, area, column));
}
