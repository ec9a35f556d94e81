using SkiaSharp;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>Writes composed pages as an A4 PDF with document information and the document language.</summary>
internal static class PdfOutput
{
    public const string Creator = "Osaamismerkit";
    public const string Producer = "Osaamismerkit (SkiaSharp PDF)";

    public static void Write(Stream output, PdfInfo info, IEnumerable<PageContent> pages)
    {
        using var buffer = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = info.Title,
            Author = info.Author,
            Subject = info.Subject,
            Keywords = info.Keywords,
            Creator = Creator,
            Producer = Producer,
            // From the injected clock, so the same input at the same instant gives the same bytes.
            Creation = info.Created.UtcDateTime,
            Modified = info.Created.UtcDateTime,
            RasterDpi = 300,
            EncodingQuality = 101,
        };

        using (var document = SKDocument.CreatePdf(buffer, metadata)
            ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document."))
        {
            foreach (var page in pages)
            {
                var canvas = document.BeginPage(Paper.Width, Paper.Height);
                page.DrawOn(canvas);
                document.EndPage();
            }

            document.Close();
        }

        PdfCatalogUpdate.Append(buffer, info.Language);
        buffer.Position = 0;
        buffer.CopyTo(output);
    }
}
