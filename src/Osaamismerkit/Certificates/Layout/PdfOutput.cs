using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// Writes composed pages as a tagged A4 PDF (PDF/UA-1): structure tree, document language, the title shown in the
/// window, PDF/UA identification in XMP (<see cref="PdfFinishing"/>); and, when a signer is given, a CMS signature
/// over the whole file.
/// </summary>
internal static class PdfOutput
{
    public const string Creator = "Osaamismerkit";
    public const string Producer = "Osaamismerkit (PDFsharp)";

    public static void Write(Stream output, PdfInfo info, IEnumerable<PageContent> pages, PdfSigning? signing = null)
    {
        var document = new PdfDocument();
        document.Info.Title = info.Title;
        document.Info.Author = info.Author;
        document.Info.Subject = info.Subject;
        document.Info.Keywords = info.Keywords;
        document.Info.Creator = Creator;
        // From the injected clock, so the same input at the same instant gives the same text and dates.
        document.Info.CreationDate = info.Created.UtcDateTime;
        document.Info.ModificationDate = info.Created.UtcDateTime;
        if (info.CredentialIds.Count > 0)
        {
            // Read back by the verify API to name the badges an uploaded certificate is about; the same ids are printed.
            document.Info.Elements.SetString(PdfInfo.CredentialsKey, string.Join(' ', info.CredentialIds));
        }

        // Content streams are compressed here, not by PDFsharp: its deflate output has no zlib checksum, which qpdf
        // and strict readers report as damaged.
        document.Options.CompressContentStreams = false;
        document.PageLayout = PdfPageLayout.SinglePage;

        var accessibility = UAManager.ForDocument(document);
        accessibility.SetDocumentLanguage(info.Language);
        var structure = accessibility.StructureBuilder;

        foreach (var content in pages)
        {
            var page = document.AddPage();
            page.Width = PdfSharp.Drawing.XUnit.FromPoint(Paper.Width);
            page.Height = PdfSharp.Drawing.XUnit.FromPoint(Paper.Height);
            using var graphics = PdfSharp.Drawing.XGraphics.FromPdfPage(page);
            content.DrawOn(new PdfCanvas(graphics, structure, page));
        }

        CompressContents(document);
        using var written = new MemoryStream();
        document.Save(written, closeStream: false);
        output.Write(PdfFinishing.Finish(written.ToArray(), Metadata(info, document.Info.Producer), signing));
    }

    private static void CompressContents(PdfDocument document)
    {
        foreach (var page in document.Pages)
        {
            foreach (var content in page.Contents.Elements.Select(e => e is PdfSharp.Pdf.Advanced.PdfReference r ? r.Value : e).OfType<PdfSharp.Pdf.Advanced.PdfContent>())
            {
                if (content.Stream is null || content.Elements.GetName("/Filter").Length > 0)
                {
                    continue;
                }

                using var compressed = new MemoryStream();
                using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
                {
                    zlib.Write(content.Stream.Value);
                }

                content.Stream.Value = compressed.ToArray();
                content.Elements.SetName("/Filter", "/FlateDecode");
            }
        }
    }

    /// <summary>
    /// XMP with Dublin Core title and language and the PDF/UA identification (ISO 14289-1, 5: pdfuaid:part 1), which is
    /// how a checker or an assistive technology knows the file claims PDF/UA.
    /// </summary>
    private static byte[] Metadata(PdfInfo info, string producer)
    {
        var created = info.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var xmp = $"""
            <?xpacket begin="{'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
               <dc:format>application/pdf</dc:format>
               <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{Xml(info.Title)}</rdf:li></rdf:Alt></dc:title>
               <dc:creator><rdf:Seq><rdf:li>{Xml(info.Author)}</rdf:li></rdf:Seq></dc:creator>
               <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{Xml(info.Subject)}</rdf:li></rdf:Alt></dc:description>
               <dc:language><rdf:Bag><rdf:li>{Xml(info.Language)}</rdf:li></rdf:Bag></dc:language>
               <pdf:Keywords>{Xml(info.Keywords)}</pdf:Keywords>
               <pdf:Producer>{Xml(producer)}</pdf:Producer>
               <xmp:CreatorTool>{Creator}</xmp:CreatorTool>
               <xmp:CreateDate>{created}</xmp:CreateDate>
               <xmp:ModifyDate>{created}</xmp:ModifyDate>
               <pdfuaid:part>1</pdfuaid:part>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="r"?>
            """;
        // Left uncompressed, as XMP readers that scan files for packets expect (ISO 16684-1).
        return Encoding.UTF8.GetBytes(xmp);
    }

    private static string Xml(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
