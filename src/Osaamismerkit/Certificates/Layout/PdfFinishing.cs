using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.RegularExpressions;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// One incremental update (ISO 32000-1, 7.5.6) appended to the file PDFsharp wrote: our own XMP metadata, because
/// PDFsharp regenerates /Metadata at every save without the PDF/UA identification and without escaping XML; and, when
/// signing, an invisible /Sig field whose CMS signature (PAdES baseline B-B: ETSI.CAdES.detached, SHA-256) covers every byte of the file
/// except its own /Contents. The update is written last, so the signature covers the whole document.
/// </summary>
internal static partial class PdfFinishing
{
    /// <summary>Room for the CMS: a 4096-bit signature, a certificate chain of a few kB and the attributes.</summary>
    private const int SignatureReserve = 16 * 1024;

    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

    public static byte[] Finish(byte[] pdf, byte[] xmp, PdfSigning? signing)
    {
        var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 2048), Math.Min(pdf.Length, 2048));
        var trailer = Trailer().Matches(tail) is { Count: > 0 } matches ? matches[^1] : throw new InvalidOperationException("The PDF has no trailer.");
        var dictionary = trailer.Groups["dict"].Value;
        var size = Number(SizeEntry(), dictionary);
        var root = Number(RootEntry(), dictionary);
        var catalog = ObjectBody(pdf, root);
        var pages = Number(PagesEntry(), catalog);
        var firstPage = Number(FirstKid(), ObjectBody(pdf, pages));

        var metadataNumber = size;
        var signatureNumber = size + 1;
        var fieldNumber = size + 2;
        var newSize = signing is null ? size + 1 : size + 3;

        var updatedCatalog = MetadataEntry().Replace(catalog.Trim(), string.Empty);
        updatedCatalog = updatedCatalog[..updatedCatalog.LastIndexOf(">>", StringComparison.Ordinal)] + $"/Metadata {metadataNumber} 0 R";
        if (signing is not null)
        {
            updatedCatalog += $"/AcroForm<</Fields[{fieldNumber} 0 R]/SigFlags 3>>";
        }

        updatedCatalog += ">>";

        using var output = new MemoryStream(pdf.Length + xmp.Length + SignatureReserve * 2 + 2048);
        output.Write(pdf);
        var offsets = new SortedDictionary<int, long>();
        Write(output, "\n");
        offsets[root] = output.Position;
        Write(output, $"{root} 0 obj\n{updatedCatalog}\nendobj\n");
        offsets[metadataNumber] = output.Position;
        Write(output, $"{metadataNumber} 0 obj\n<</Type/Metadata/Subtype/XML/Length {xmp.Length}>>\nstream\n");
        output.Write(xmp);
        Write(output, "\nendstream\nendobj\n");

        long contentsStart = 0, byteRangeStart = 0;
        if (signing is not null)
        {
            offsets[signatureNumber] = output.Position;
            Write(output, $"{signatureNumber} 0 obj\n<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/Name{Text(signing.SignerName)}" +
                $"/M({Date(signing.SignedAt)})/Reason{Text(signing.Reason)}/Location{Text(signing.Location)}/ByteRange");
            byteRangeStart = output.Position;
            Write(output, ByteRangePlaceholder + "/Contents");
            contentsStart = output.Position;
            Write(output, "<" + new string('0', SignatureReserve * 2) + ">>>\nendobj\n");
            offsets[fieldNumber] = output.Position;
            // Invisible (zero rectangle), printed and locked; the visible note is tagged text on the page.
            Write(output, $"{fieldNumber} 0 obj\n<</Type/Annot/Subtype/Widget/FT/Sig/T(Signature1)/V {signatureNumber} 0 R/F 132/Rect[0 0 0 0]/P {firstPage} 0 R>>\nendobj\n");
        }

        var xref = output.Position;
        var table = new StringBuilder("xref\n");
        foreach (var run in Runs(offsets))
        {
            table.Append(CultureInfo.InvariantCulture, $"{run[0].Key} {run.Count}\n");
            foreach (var (_, offset) in run)
            {
                table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
            }
        }

        var id = IdEntry().Match(dictionary);
        var info = InfoEntry().Match(dictionary);
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {newSize}/Root {root} 0 R{(info.Success ? info.Value : string.Empty)}{(id.Success ? id.Value : string.Empty)}/Prev {trailer.Groups["xref"].Value}>>\nstartxref\n{xref}\n%%EOF\n");
        Write(output, table.ToString());

        var bytes = output.ToArray();
        if (signing is not null)
        {
            Sign(bytes, signing, byteRangeStart, contentsStart);
        }

        return bytes;
    }

    private static void Sign(byte[] bytes, PdfSigning signing, long byteRangeStart, long contentsStart)
    {
        var contentsEnd = contentsStart + SignatureReserve * 2 + 2;
        var ranges = new[] { 0L, contentsStart, contentsEnd, bytes.Length - contentsEnd };
        var byteRange = $"[0 {ranges[1]} {ranges[2]} {ranges[3]}]".PadRight(ByteRangePlaceholder.Length);
        Encoding.ASCII.GetBytes(byteRange).CopyTo(bytes, byteRangeStart);

        var signed = new byte[ranges[1] + ranges[3]];
        Array.Copy(bytes, 0, signed, 0, ranges[1]);
        Array.Copy(bytes, ranges[2], signed, ranges[1], ranges[3]);
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signing.Certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            IncludeOption = X509IncludeOptionEndCertOnly,
        };
        // PAdES baseline B-B (ETSI EN 319 142-1, 5.3): the signer's certificate bound by its hash in the signed attributes,
        // and no signing-time attribute — the time is the dictionary's /M.
        signer.SignedAttributes.Add(SigningCertificateV2(signing.Certificate));
        cms.ComputeSignature(signer, silent: true);
        var hex = Convert.ToHexString(cms.Encode());
        if (hex.Length > SignatureReserve * 2)
        {
            throw new InvalidOperationException($"The signature ({hex.Length / 2} bytes) does not fit the {SignatureReserve} bytes reserved for it.");
        }

        Encoding.ASCII.GetBytes(hex).CopyTo(bytes, contentsStart + 1);
    }

    /// <summary>ESS signing-certificate-v2 (RFC 5035): the SHA-256 of the signer's certificate with its issuer and serial number.</summary>
    private static CryptographicAttributeObject SigningCertificateV2(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        var parsed = new Org.BouncyCastle.X509.X509Certificate(certificate.RawData);
        var issuerSerial = new Org.BouncyCastle.Asn1.X509.IssuerSerial(
            new Org.BouncyCastle.Asn1.X509.GeneralNames(new Org.BouncyCastle.Asn1.X509.GeneralName(parsed.IssuerDN)),
            new Org.BouncyCastle.Asn1.DerInteger(parsed.SerialNumber));
        var value = new Org.BouncyCastle.Asn1.Ess.SigningCertificateV2(
            [new Org.BouncyCastle.Asn1.Ess.EssCertIDv2(SHA256.HashData(certificate.RawData), issuerSerial)]);
        var oid = new Oid("1.2.840.113549.1.9.16.2.47");
        return new CryptographicAttributeObject(oid, new AsnEncodedDataCollection(new AsnEncodedData(oid, value.GetDerEncoded())));
    }

    private const System.Security.Cryptography.X509Certificates.X509IncludeOption X509IncludeOptionEndCertOnly =
        System.Security.Cryptography.X509Certificates.X509IncludeOption.EndCertOnly;

    /// <summary>Consecutive object numbers, each run one xref subsection.</summary>
    private static List<List<KeyValuePair<int, long>>> Runs(SortedDictionary<int, long> offsets)
    {
        var runs = new List<List<KeyValuePair<int, long>>>();
        foreach (var entry in offsets)
        {
            if (runs.Count == 0 || runs[^1][^1].Key + 1 != entry.Key)
            {
                runs.Add([]);
            }

            runs[^1].Add(entry);
        }

        return runs;
    }

    /// <summary>The dictionary text of object <paramref name="number"/>, from its last definition in the file.</summary>
    private static string ObjectBody(byte[] pdf, int number)
    {
        var header = Encoding.ASCII.GetBytes($"\n{number} 0 obj");
        var start = pdf.AsSpan().LastIndexOf(header);
        if (start < 0)
        {
            throw new InvalidOperationException($"Object {number} was not found.");
        }

        var body = pdf.AsSpan(start + header.Length);
        var end = body.IndexOf("endobj"u8);
        return Encoding.Latin1.GetString(body[..end]);
    }

    /// <summary>A PDF text string as UTF-16BE hex with its byte-order mark: any letter, no escaping.</summary>
    private static string Text(string text) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    private static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("'D:'yyyyMMddHHmmss'Z'", CultureInfo.InvariantCulture);

    private static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));

    private static int Number(Regex entry, string text)
    {
        var match = entry.Match(text);
        return match.Success
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"The PDF lacks {entry}.");
    }

    [GeneratedRegex(@"trailer\s*<<(?<dict>.*?)>>(?:\s|%[^\n]*)*startxref\s*(?<xref>\d+)", RegexOptions.Singleline)]
    private static partial Regex Trailer();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizeEntry();

    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")]
    private static partial Regex RootEntry();

    [GeneratedRegex(@"/Pages\s+(\d+)\s+0\s+R")]
    private static partial Regex PagesEntry();

    [GeneratedRegex(@"/Kids\s*\[\s*(\d+)\s+0\s+R")]
    private static partial Regex FirstKid();

    [GeneratedRegex(@"/Metadata\s+\d+\s+0\s+R")]
    private static partial Regex MetadataEntry();

    [GeneratedRegex(@"/Info\s+\d+\s+0\s+R")]
    private static partial Regex InfoEntry();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")]
    private static partial Regex IdEntry();
}
