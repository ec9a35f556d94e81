using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Osaamismerkit.Verification;

/// <summary>
/// Reads the two things the verify API needs from an uploaded PDF, without a PDF library: its signature (ISO 32000-1,
/// 12.8.1: /ByteRange names the signed bytes, and the gap between its two ranges is exactly the hex /Contents) and the
/// assertion ids the certificate renderer put in the document information. Nothing read here is trusted until the
/// signature over the bytes it came from has been checked.
/// </summary>
public static partial class UploadedPdf
{
    /// <summary>More ids than the largest batch of certificates anyone prints in one file; the rest are not read.</summary>
    public const int MaxCredentialIds = 2000;

    public static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    /// <summary>Every signature in the file, in file order.</summary>
    public static IReadOnlyList<SignedPdfSignature?> Signatures(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var found = new List<SignedPdfSignature?>();
        foreach (Match match in ByteRange().Matches(text))
        {
            found.Add(Signature(pdf, text, match));
        }

        return found;
    }

    /// <summary>The assertion ids the certificate says it certifies, as written by the renderer.</summary>
    public static IReadOnlyList<Guid> CredentialIds(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var match = Credentials().Match(text);
        if (!match.Success)
        {
            return [];
        }

        return match.Groups["ids"].Value
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Take(MaxCredentialIds)
            .Select(id => Guid.TryParse(id, out var guid) ? guid : (Guid?)null)
            .OfType<Guid>()
            .Distinct()
            .ToList();
    }

    /// <summary>Null when the /ByteRange cannot describe a signature at all (it is then reported invalid).</summary>
    private static SignedPdfSignature? Signature(byte[] pdf, string text, Match match)
    {
        if (!long.TryParse(match.Groups["a"].Value, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(match.Groups["b"].Value, CultureInfo.InvariantCulture, out var firstLength)
            || !long.TryParse(match.Groups["c"].Value, CultureInfo.InvariantCulture, out var secondStart)
            || !long.TryParse(match.Groups["d"].Value, CultureInfo.InvariantCulture, out var secondLength))
        {
            return null;
        }

        // The first range starts the file and the second follows the gap; both inside the file.
        if (start != 0 || firstLength < 1 || secondStart <= firstLength + 1 || secondLength < 0 || secondStart + secondLength > pdf.Length)
        {
            return null;
        }

        var gap = pdf.AsSpan((int)firstLength, (int)(secondStart - firstLength));
        if (gap[0] != (byte)'<' || gap[^1] != (byte)'>' || DerOf(gap[1..^1]) is not { } cms)
        {
            return null;
        }

        var signed = new byte[firstLength + secondLength];
        pdf.AsSpan(0, (int)firstLength).CopyTo(signed);
        pdf.AsSpan((int)secondStart, (int)secondLength).CopyTo(signed.AsSpan((int)firstLength));
        return new SignedPdfSignature(signed, cms, secondStart + secondLength == pdf.Length, SigningTime(text, match.Index));
    }

    /// <summary>The CMS from the hex /Contents, without the zero padding that fills the space reserved for it.</summary>
    private static byte[]? DerOf(ReadOnlySpan<byte> hex)
    {
        if (hex.Length % 2 != 0)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(Encoding.ASCII.GetString(hex));
        }
        catch (FormatException)
        {
            return null;
        }

        // A DER SEQUENCE: its length octets say where the CMS ends.
        if (bytes.Length < 2 || bytes[0] != 0x30)
        {
            return null;
        }

        long length;
        int header;
        if (bytes[1] < 0x80)
        {
            length = bytes[1];
            header = 2;
        }
        else
        {
            var octets = bytes[1] & 0x7F;
            if (octets is 0 or > 4 || bytes.Length < 2 + octets)
            {
                return null;
            }

            length = 0;
            for (var i = 0; i < octets; i++)
            {
                length = (length << 8) | bytes[2 + i];
            }

            header = 2 + octets;
        }

        return header + length <= bytes.Length ? bytes[..(int)(header + length)] : null;
    }

    /// <summary>/M of the signature dictionary the /ByteRange at <paramref name="at"/> belongs to.</summary>
    private static DateTimeOffset? SigningTime(string text, int at)
    {
        var dictionaryStart = text.LastIndexOf("/Type/Sig", at, Math.Min(at + 1, 4096), StringComparison.Ordinal);
        if (dictionaryStart < 0)
        {
            return null;
        }

        var match = PdfDate().Match(text, dictionaryStart, at - dictionaryStart);
        return match.Success && DateTimeOffset.TryParseExact(
            match.Groups["date"].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : null;
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(?<a>\d{1,10})\s+(?<b>\d{1,10})\s+(?<c>\d{1,10})\s+(?<d>\d{1,10})\s*\]")]
    private static partial Regex ByteRange();

    [GeneratedRegex(@"/OsaamismerkitCredentials\s*\((?<ids>[0-9a-fA-F\- ]{0,80000})\)")]
    private static partial Regex Credentials();

    [GeneratedRegex(@"/M\s*\(D:(?<date>\d{14})")]
    private static partial Regex PdfDate();
}
