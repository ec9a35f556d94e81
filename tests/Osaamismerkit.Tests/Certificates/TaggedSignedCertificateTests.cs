using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using static Osaamismerkit.Tests.Certificates.CertificateSamples;

namespace Osaamismerkit.Tests.Certificates;

/// <summary>
/// Each document kind read back by tools that are not our writer: poppler's pdfinfo for the structure tree in reading
/// order, our own content-stream reader (over PdfPig's decoded streams) for untagged content, qpdf for the file's
/// structure, poppler's pdfsig for the signature.
/// </summary>
public sealed partial class TaggedSignedCertificateTests
{
    private static byte[] SignedBadge() => SignedBadgeRenderer().Render(Issuer, Recipient(), FinnishBadge());

    private static byte[] SignedCombined() => SignedCombinedRenderer().Render(Issuer, Recipient(), Portfolio(4));

    private static byte[] SignedBatch() => SignedBatchRenderer().Render(Issuer, [new(Recipient(), [FinnishBadge()]), new(Recipient("sv", "Sven Svensson"), [Badge("sv")])], "fi");

    [Test]
    public void The_badge_certificate_reads_in_visual_order_with_headings_list_table_and_links()
    {
        var structure = StructText(SignedBadge());

        Assert.That(structure, Does.StartWith("Document"));
        AssertInOrder(structure,
            "P (block)", "Siun sote",
            "H1 (block)", "Osaamistodistus",
            "P (block)", "Åsa Öhman-Mäkelä",
            "P (block)", FinnishBadge().BadgeName,
            "Figure",
            "H2 (block)", "Näin osoitit osaamisesi",
            "L (block)", "LI (block)", "LBody (block)", FinnishBadge().CriteriaMet[0],
            "H2 (block)", "Tiedot",
            "Table (block)", "TR", "TH:", "/Scope /Row", "Näyttöpäivä", "TD", "12.3.2025",
            "H2 (block)", "Tarkista aitous",
            "Link (inline)", "Figure",
            "Link (inline)", "osaamismerkit.siunsote.fi/b/",
            "Todistuksen tunniste",
            "Sähköisesti allekirjoittanut", "osaamismerkit.siunsote.fi/verify");
    }

    [Test]
    public void Figures_carry_the_badge_name_and_level_and_the_qr_code_its_address()
    {
        var alternatives = FigureAlternatives(SignedBadge());

        Assert.That(alternatives, Is.EqualTo(new[]
        {
            $"Osaamismerkin kuva: {FinnishBadge().BadgeName}, Taso 2 – perustaso",
            $"QR-koodi tarkistussivulle: {FinnishBadge().VerificationUrl}",
        }));
    }

    [Test]
    public void An_instructors_note_in_another_language_is_marked_with_its_language()
    {
        var pdf = SignedBadgeRenderer().Render(Issuer, Recipient("en"), FinnishBadge());

        using var document = PdfDocument.Open(pdf);
        Assert.That(PdfText.Language(document), Is.EqualTo("en"));
        Assert.That(StructureElements(document).Where(e => e.Lang is not null).Select(e => (e.Type, e.Lang)), Is.EqualTo(new[] { ("P", "fi") }));
    }

    [Test]
    public void The_combined_certificate_has_track_area_and_badge_headings_and_a_figure_per_image_and_code()
    {
        var structure = StructText(SignedCombined());

        AssertInOrder(structure, "H1 (block)", "Osaamistodistus", "H2 (block)", "H3 (block)", "H4 (block)", "Figure", "Link (inline)");
        Assert.That(FigureAlternatives(SignedCombined()), Has.Some.StartWith("QR-koodi tarkistussivulle: https://").And.Some.StartWith("Osaamismerkin kuva: "));
    }

    [Test]
    public void The_batch_reads_each_clients_certificate_in_turn()
    {
        var structure = StructText(SignedBatch());

        AssertInOrder(structure, "Åsa Öhman-Mäkelä", "Table (block)", "Sven Svensson", "Använda nätbanken", "Table (block)");
    }

    [Test]
    public void Every_kind_has_only_tagged_or_artefact_content_and_claims_pdf_ua_with_its_title_shown()
    {
        foreach (var (kind, pdf) in Kinds())
        {
            var untagged = UntaggedContent(pdf);
            Assert.That(untagged, Is.Empty, $"{kind}: drawing outside any marked content");

            using var document = PdfDocument.Open(pdf);
            var catalog = document.Structure.Catalog.CatalogDictionary;
            Assert.That(catalog.Data.ContainsKey("StructTreeRoot"), Is.True, kind);
            var viewer = PdfText.Resolve<DictionaryToken>(document, catalog.Data["ViewerPreferences"]);
            Assert.That(viewer.Data["DisplayDocTitle"], Is.EqualTo(BooleanToken.True), kind);
            var xmp = System.Text.Encoding.UTF8.GetString(PdfText.Resolve<StreamToken>(document, catalog.Data["Metadata"]).Data.ToArray());
            Assert.That(xmp, Does.Contain("<pdfuaid:part>1</pdfuaid:part>"), kind);
        }
    }

    [Test]
    public void Qpdf_finds_no_errors_in_any_kind()
    {
        var qpdf = ExternalTools.Require("qpdf", "qpdf");
        foreach (var (kind, pdf) in Kinds())
        {
            var file = Temp(pdf);
            var (exitCode, output) = ExternalTools.Run(qpdf, "--check", file);
            Assert.That(exitCode, Is.Zero, $"{kind}: {output}");
            Assert.That(output, Does.Contain("No syntax or stream encoding errors found"), kind);
        }
    }

    [Test]
    public void Pdfsig_finds_each_signed_kind_valid_and_covering_the_whole_file()
    {
        var pdfsig = ExternalTools.Require("pdfsig", "poppler-utils");
        foreach (var (kind, pdf) in Kinds().Where(k => k.Kind != "report"))
        {
            var (_, output) = ExternalTools.Run(pdfsig, Temp(pdf));
            Assert.That(output, Does.Contain("Signature Validation: Signature is Valid."), $"{kind}: {output}");
            Assert.That(output, Does.Contain("Total document signed"), kind);
            Assert.That(output, Does.Contain("Osaamismerkit development document signing"), kind);
            Assert.That(output, Does.Contain("Signature Type: ETSI.CAdES.detached"), kind);
        }
    }

    [Test]
    public void The_signature_is_pades_baseline_b_with_the_signers_certificate_hash_and_no_signing_time_attribute()
    {
        var pdf = SignedBadge();
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var range = ByteRange().Match(text);
        var contents = Convert.FromHexString(text[(int.Parse(range.Groups[1].Value) + 1)..(int.Parse(range.Groups[2].Value) - 1)]);
        // The DER length octets say where the CMS ends and the zero padding of the reserved space begins.
        var octets = contents[1] < 0x80 ? 0 : contents[1] & 0x7F;
        var length = octets == 0 ? contents[1] : contents.Skip(2).Take(octets).Aggregate(0, (n, b) => (n << 8) | b);
        var cms = new System.Security.Cryptography.Pkcs.SignedCms();
        cms.Decode(contents[..(2 + octets + length)]);

        var signer = cms.SignerInfos[0];
        var attributes = signer.SignedAttributes.Cast<System.Security.Cryptography.CryptographicAttributeObject>().Select(a => a.Oid.Value).ToList();
        Assert.That(attributes, Does.Contain("1.2.840.113549.1.9.16.2.47"), "ESS signing-certificate-v2");
        Assert.That(attributes, Does.Not.Contain("1.2.840.113549.1.9.5"), "no signing-time: the time is /M");
        var essValue = signer.SignedAttributes.Cast<System.Security.Cryptography.CryptographicAttributeObject>()
            .Single(a => a.Oid.Value == "1.2.840.113549.1.9.16.2.47").Values[0].RawData;
        var certificateHash = System.Security.Cryptography.SHA256.HashData(signer.Certificate!.RawData);
        Assert.That(Convert.ToHexString(essValue), Does.Contain(Convert.ToHexString(certificateHash)));
        Assert.That(text, Does.Contain("/SubFilter/ETSI.CAdES.detached"));
    }

    [GeneratedRegex(@"/ByteRange\[0 (\d+) (\d+) \d+\]")]
    private static partial Regex ByteRange();

    [Test]
    public void A_byte_changed_after_signing_makes_pdfsig_report_the_signature_invalid()
    {
        var pdfsig = ExternalTools.Require("pdfsig", "poppler-utils");
        var pdf = SignedBadge();
        var name = System.Text.Encoding.Latin1.GetString(pdf).IndexOf("/OsaamismerkitCredentials(", StringComparison.Ordinal) + "/OsaamismerkitCredentials(".Length;
        pdf[name] = (byte)(pdf[name] == (byte)'0' ? '1' : '0');

        var (_, output) = ExternalTools.Run(pdfsig, Temp(pdf));

        Assert.That(output, Does.Contain("Signature Validation: Signature is Invalid.").Or.Contain("Digest Mismatch"), output);
    }

    private static IEnumerable<(string Kind, byte[] Pdf)> Kinds() =>
    [
        ("badge", SignedBadge()),
        ("claim", SignedBadgeRenderer().Render(Issuer, Recipient("en"), Badge("en") with { Claim = Claim("en") })),
        ("combined", SignedCombined()),
        ("batch", SignedBatch()),
        ("report", Reports.ReportPdfTests.Sample()),
    ];

    private static string StructText(byte[] pdf)
    {
        var pdfinfo = ExternalTools.Require("pdfinfo", "poppler-utils");
        var (exitCode, output) = ExternalTools.Run(pdfinfo, "-struct-text", Temp(pdf));
        Assert.That(exitCode, Is.Zero, output);
        return output;
    }

    private static void AssertInOrder(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.That(found, Is.GreaterThanOrEqualTo(0), $"'{part}' after position {at} in:\n{text}");
            at = found + part.Length;
        }
    }

    private static string Temp(byte[] pdf)
    {
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"tagged-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        return file;
    }

    /// <summary>The structure elements' types, alternative texts and languages, read from the file's dictionaries.</summary>
    private static List<(string Type, string? Alt, string? Lang)> StructureElements(PdfDocument document)
    {
        var result = new List<(string, string?, string?)>();
        var root = PdfText.Resolve<DictionaryToken>(document, document.Structure.Catalog.CatalogDictionary.Data["StructTreeRoot"]);
        Walk(root);
        return result;

        void Walk(DictionaryToken element)
        {
            if (!element.Data.TryGetValue("K", out var kids))
            {
                return;
            }

            var items = PdfText.Resolve<IToken>(document, kids) is ArrayToken array ? array.Data : [kids];
            foreach (var item in items)
            {
                if (PdfText.Resolve<IToken>(document, item) is not DictionaryToken child || !child.Data.TryGetValue("S", out var type))
                {
                    continue;
                }

                result.Add((((NameToken)type).Data,
                    child.Data.TryGetValue("Alt", out var alt) ? Text(PdfText.Resolve<IToken>(document, alt)) : null,
                    child.Data.TryGetValue("Lang", out var lang) ? Text(PdfText.Resolve<IToken>(document, lang)) : null));
                Walk(child);
            }
        }
    }

    private static string? Text(IToken token) => token switch
    {
        StringToken text => text.Data,
        HexToken hex => hex.Data,
        _ => null,
    };

    private static List<string> FigureAlternatives(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return StructureElements(document).Where(e => e.Type == "Figure").Select(e => e.Alt ?? "(none)").ToList();
    }

    /// <summary>
    /// Every painting operator (text, path fill/stroke, image) in each page's content stream must sit inside a BDC/BMC
    /// marked-content sequence: tagged content has an MCID, an artefact is /Artifact.
    /// </summary>
    private static List<string> UntaggedContent(byte[] pdf)
    {
        var problems = new List<string>();
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            var depth = 0;
            foreach (var operation in page.Operations)
            {
                var op = operation.Operator;
                if (op is "BDC" or "BMC")
                {
                    depth++;
                }
                else if (op == "EMC")
                {
                    depth--;
                }
                else if (depth == 0 && op is "Tj" or "TJ" or "'" or "\"" or "Do" or "f" or "F" or "f*" or "S" or "s" or "B" or "B*" or "b" or "b*" or "sh")
                {
                    problems.Add($"page {page.Number}: {op}");
                }
            }
        }

        return problems;
    }
}
