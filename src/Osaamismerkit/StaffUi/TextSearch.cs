using System.Globalization;

namespace Osaamismerkit.StaffUi;

/// <summary>Forgiving search for people typing on a tablet: every word must appear, ignoring case and accents ("hameenlinna" finds Hämeenlinna).</summary>
public static class TextSearch
{
    public static string[] Words(string? query) =>
        (query ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool Contains(string text, string word) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, word, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;

    public static bool MatchesAll(string[] words, params string[] texts) =>
        words.All(w => texts.Any(t => Contains(t, w)));
}
