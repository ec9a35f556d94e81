using System.Text.Encodings.Web;
using System.Text.Json;

namespace Osaamismerkit.OpenBadges;

internal static class ObJson
{
    public const string Context = "https://w3id.org/openbadges/v2";

    public const string ContentType = "application/ld+json; charset=utf-8";

    // Assertions are signed as serialised: compact, stable property order, real UTF-8 letters (ä, ö, å).
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}
