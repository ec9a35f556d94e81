using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// SkiaSharp's PDF metadata has no document language, which screen readers need to pick a voice (WCAG 3.1.1,
/// PDF/UA). This appends a standard PDF incremental update (ISO 32000-1, 7.5.6) that rewrites only the catalog
/// with /Lang and /ViewerPreferences /DisplayDocTitle, leaving Skia's bytes untouched before it.
/// </summary>
internal static partial class PdfCatalogUpdate
{
    public static void Append(MemoryStream pdf, string language)
    {
        var bytes = pdf.GetBuffer().AsSpan(0, (int)pdf.Length);
        var tailStart = Math.Max(0, bytes.Length - 1024);
        var tail = Encoding.Latin1.GetString(bytes[tailStart..]);

        var trailer = Trailer().Match(tail);
        if (!trailer.Success)
        {
            throw new InvalidOperationException("The PDF has no trailer that can be updated.");
        }

        var dictionary = trailer.Groups["dict"].Value;
        var previousXref = trailer.Groups["xref"].Value;
        var size = Number(SizeEntry(), dictionary);
        var root = Number(RootEntry(), dictionary);
        var infoEntry = InfoEntry().Match(dictionary);
        var idEntry = IdEntry().Match(dictionary);

        var objectHeader = Encoding.ASCII.GetBytes($"\n{root} 0 obj\n");
        var start = bytes.LastIndexOf(objectHeader);
        if (start < 0)
        {
            throw new InvalidOperationException($"The PDF catalog object {root} was not found.");
        }

        var bodyStart = start + objectHeader.Length;
        var end = bytes[bodyStart..].IndexOf("\nendobj"u8);
        var catalog = Encoding.Latin1.GetString(bytes.Slice(bodyStart, end)).Trim();
        if (!catalog.EndsWith(">>", StringComparison.Ordinal) || catalog.Contains("/Lang", StringComparison.Ordinal))
        {
            return;
        }

        var updated = catalog[..^2] + $"\n/Lang ({language})\n/ViewerPreferences <</DisplayDocTitle true>>>>";

        var update = new StringBuilder();
        update.Append('\n');
        var objectOffset = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"{root} 0 obj\n{updated}\nendobj\n");
        var xrefOffset = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"xref\n{root} 1\n{objectOffset:D10} 00000 n \n");
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size}\n/Root {root} 0 R\n");
        if (infoEntry.Success)
        {
            update.Append(infoEntry.Value).Append('\n');
        }

        if (idEntry.Success)
        {
            update.Append(idEntry.Value).Append('\n');
        }

        update.Append(CultureInfo.InvariantCulture, $"/Prev {previousXref}>>\nstartxref\n{xrefOffset}\n%%EOF\n");

        pdf.Position = pdf.Length;
        var appended = Encoding.Latin1.GetBytes(update.ToString());
        pdf.Write(appended);
    }

    private static int Number(Regex entry, string dictionary)
    {
        var match = entry.Match(dictionary);
        return match.Success
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"The PDF trailer lacks {entry}.");
    }

    [GeneratedRegex(@"trailer\s*<<(?<dict>.*?)>>\s*startxref\s*(?<xref>\d+)\s*%%EOF\s*$", RegexOptions.Singleline)]
    private static partial Regex Trailer();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizeEntry();

    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")]
    private static partial Regex RootEntry();

    [GeneratedRegex(@"/Info\s+\d+\s+0\s+R")]
    private static partial Regex InfoEntry();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")]
    private static partial Regex IdEntry();
}
