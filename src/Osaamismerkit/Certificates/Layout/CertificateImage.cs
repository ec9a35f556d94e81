using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>One image of one document: what XGraphics draws and, if it was prepared once per process, the prepared form.</summary>
internal sealed class CertificateImage(XImage drawn, PreparedImage? prepared)
{
    private bool embedded;

    /// <summary>A one-pixel stand-in for a prepared image; otherwise the image itself, which PDFsharp encodes.</summary>
    public XImage Drawn { get; } = drawn;

    public int PixelWidth => prepared?.PixelWidth ?? Drawn.PixelWidth;

    public int PixelHeight => prepared?.PixelHeight ?? Drawn.PixelHeight;

    /// <summary>
    /// After <see cref="Drawn"/> has been drawn on <paramref name="page"/>: the image XObject PDFsharp made for the
    /// stand-in (one per document, shared by every page that draws it) becomes the prepared image.
    /// </summary>
    public void Embed(PdfPage page)
    {
        if (prepared is null || embedded)
        {
            return;
        }

        var xObjects = page.Resources.Elements.GetDictionary("/XObject")
            ?? throw new InvalidOperationException("The image was drawn, but the page has no XObject resources.");
        var target = xObjects.Elements.Values
            .Select(value => value is PdfReference reference ? reference.Value : value)
            .OfType<PdfImage>()
            .FirstOrDefault(image => ReferenceEquals(image.Image, Drawn))
            ?? throw new InvalidOperationException("The image was drawn, but PDFsharp made no image XObject for it.");
        prepared.WriteTo(target);
        embedded = true;
    }
}
