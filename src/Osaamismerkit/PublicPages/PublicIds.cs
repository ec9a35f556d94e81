using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.PublicPages;

/// <summary>An assertion named in a public URL: its canonical 22-character short id or its UUID.</summary>
public static class PublicIds
{
    public static bool TryParse(string? value, out Guid id)
    {
        // Only the canonical spelling: base64url has several spellings of the last character for the same bytes.
        if (ShortIds.TryDecode(value, out id) && ShortIds.Encode(id) == value)
        {
            return true;
        }

        return Guid.TryParseExact(value, "D", out id);
    }
}
