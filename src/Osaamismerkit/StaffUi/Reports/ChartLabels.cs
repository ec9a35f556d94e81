namespace Osaamismerkit.StaffUi.Reports;

/// <summary>
/// Column labels of a report chart as whole words on lines. SVG text does not wrap, and "Nousi 2 tai enemmän" on one
/// line ran into its neighbours and off the chart's edge; a slot wide enough for the longest word keeps every word whole.
/// </summary>
public static class ChartLabels
{
    /// <summary>Drawing units per character at the chart's 13-unit font, with room for wide letters.</summary>
    public const int CharWidth = 8;

    private const int MinimumSlot = 100;

    private const int Margin = 12;

    /// <summary>The width of one column's slot: wide enough for the longest word of any label.</summary>
    public static int Slot(IEnumerable<string> labels) =>
        Math.Max(MinimumSlot, labels.SelectMany(Words).Select(w => w.Length).DefaultIfEmpty(0).Max() * CharWidth + Margin);

    /// <summary>The label's words packed greedily onto lines that fit <paramref name="slot"/>; a word is never split.</summary>
    public static IReadOnlyList<string> Lines(string label, int slot)
    {
        var room = (slot - Margin) / CharWidth;
        var lines = new List<string>();
        foreach (var word in Words(label))
        {
            if (lines.Count > 0 && lines[^1].Length + 1 + word.Length <= room)
            {
                lines[^1] += " " + word;
            }
            else
            {
                lines.Add(word);
            }
        }

        return lines;
    }

    private static string[] Words(string label) => label.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
