using System.Globalization;
using System.Text;

namespace Osaamismerkit.Bench;

/// <summary>The closing table: figure, limit, ratio, target, met or short.</summary>
internal static class Summary
{
    public static string Table(IEnumerable<Figure> figures)
    {
        var rows = figures.Select(f => new[]
        {
            f.Name,
            Number(f.Value) + " " + f.Unit,
            f.Latency,
            f.Limit is { } limit ? $"{Number(limit)} {f.LimitName}" : "—",
            f.Ratio is { } ratio ? Percent(ratio) : "—",
            f.TargetShare is { } share ? "≥ " + Percent(share) : f.TargetValue is { } value ? $"≥ {Number(value)} {f.Unit}" : "—",
            f.Met switch { true => "met", false => "SHORT", null => "—" },
        }).Prepend(["figure", "value", "p50 / p99 latency", "limit (same run)", "ratio", "target", "result"]).ToList();
        var widths = Enumerable.Range(0, 7).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            text.AppendLine(string.Join("  ", rows[r].Select((cell, c) => c is 0 or 3 or 5 or 6 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
            if (r == 0)
            {
                text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }

        return text.ToString();
    }

    public static string Number(double value) =>
        value.ToString(value >= 100 ? "F0" : value >= 10 ? "F1" : "F2", CultureInfo.InvariantCulture);

    public static string Percent(double ratio) => (ratio * 100).ToString("F0", CultureInfo.InvariantCulture) + " %";
}
