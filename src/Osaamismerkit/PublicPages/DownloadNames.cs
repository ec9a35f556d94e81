using System.Globalization;
using System.Text;

namespace Osaamismerkit.PublicPages;

/// <summary>File names a person recognises in their downloads folder: "osaamismerkki-sahkoposti-perustaso.png".</summary>
public static class DownloadNames
{
    public static string For(string prefix, string badgeName, string extension) =>
        $"{Slug(prefix)}-{Slug(badgeName)}.{extension}";

    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "badge" : result[..Math.Min(result.Length, 60)].TrimEnd('-');
    }
}
