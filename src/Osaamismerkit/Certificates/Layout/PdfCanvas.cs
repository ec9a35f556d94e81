using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;
using PdfSharp.UniversalAccessibility;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// What the layout draws on: one page of a tagged PDF. Text is drawn inside the structure element the layout opens
/// (a heading, a paragraph, a table cell); rules, frames and ticks are always marked as artefacts; images and QR codes
/// are drawn inside a figure with its alternative text. PDFsharp refuses any drawing outside the structure, so
/// nothing can reach the page untagged.
/// </summary>
internal sealed class PdfCanvas(XGraphics graphics, StructureBuilder structure, PdfPage page)
{
    private readonly Dictionary<(string Face, float Size), XFont> fonts = [];

    /// <summary>Draws one line of text with its baseline at <paramref name="baseline"/>.</summary>
    public void Text(TextStyle style, string text, float x, float baseline)
    {
        if (text.Length == 0)
        {
            return;
        }

        graphics.DrawString(text, Font(style), new XSolidBrush(style.Color), x, baseline, XStringFormats.BaseLineLeft);
    }

    /// <summary>Draws <paramref name="draw"/> as the content of a new structure element: "P", "H1", "LI", "TD"…</summary>
    public void Tagged(string tag, Action draw, string? language = null)
    {
        Begin(tag, language);
        draw();
        End();
    }

    /// <summary>Opens a structure element that may span several drawing steps and pages, until <see cref="End"/>.</summary>
    public void Begin(string tag, string? language = null)
    {
        if (tag is "Document" or "Part" or "Sect" or "Div")
        {
            structure.BeginGroupingElement(tag);
        }
        else if (tag is "Span" or "Link")
        {
            structure.BeginInlineLevelElement(tag);
        }
        else
        {
            structure.BeginBlockLevelElement(tag);
        }

        if (language is not null)
        {
            structure.SetLanguage(language);
        }
    }

    public void End() => structure.End();

    /// <summary>A table header cell for its row or its column (/Scope /Row or /Column), so a reader knows what it labels.</summary>
    public void HeaderCell(string scope, Action draw)
    {
        structure.BeginBlockLevelElement("TH");
        structure.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", "/" + scope);
        draw();
        structure.End();
    }

    /// <summary>Page furniture that a screen reader skips: a repeated header, a page number.</summary>
    public void Artifact(Action draw)
    {
        structure.BeginArtifact();
        draw();
        structure.End();
    }

    /// <summary>A figure with its alternative text, e.g. the badge image or a QR code.</summary>
    public void Figure(string alternativeText, XRect box, Action draw)
    {
        structure.BeginIllustrationElement("Figure", alternativeText, box);
        draw();
        structure.End();
    }

    /// <summary>
    /// A link: the annotation over <paramref name="area"/> and what <paramref name="draw"/> draws belong to one Link
    /// element, and the annotation's /Contents says where it leads (PDF/UA 7.18.5).
    /// </summary>
    public void Link(XRect area, string url, string description, Action draw)
    {
        var rectangle = new PdfRectangle(new XPoint(area.Left, page.Height.Point - area.Bottom), new XPoint(area.Right, page.Height.Point - area.Top));
        var annotation = PdfLinkAnnotation.CreateWebLink(rectangle, url);
        // Printed, so that PDF/A and PDF/UA checkers accept it; no border, the text or code is the link.
        annotation.Elements.SetInteger("/F", 4);
        annotation.Elements["/Border"] = new PdfArray(page.Owner, new PdfInteger(0), new PdfInteger(0), new PdfInteger(0));
        structure.BeginElement(annotation, description);
        draw();
        structure.End();
    }

    public void Rule(float x1, float y, float x2, XColor color, float thickness) =>
        Artifact(() => graphics.DrawLine(new XPen(color, thickness), x1, y, x2, y));

    public void Frame(XRect rect, XColor color, float thickness, XColor? fill = null) =>
        Artifact(() =>
        {
            var pen = new XPen(color, thickness);
            if (fill is { } background)
            {
                graphics.DrawRoundedRectangle(pen, new XSolidBrush(background), rect, new XSize(8, 8));
            }
            else
            {
                graphics.DrawRoundedRectangle(pen, rect, new XSize(8, 8));
            }
        });

    public void Bar(XRect rect, XColor color) =>
        Artifact(() => graphics.DrawRectangle(new XSolidBrush(color), rect));

    /// <summary>A vector tick, so the mark needs no glyph the font may lack; decoration, as the list says what was met.</summary>
    public void Tick(float x, float top, float size) =>
        Artifact(() =>
        {
            var pen = new XPen(Palette.Accent, size * 0.18f) { LineCap = XLineCap.Round, LineJoin = XLineJoin.Round };
            graphics.DrawLines(pen, [
                new XPoint(x, top + size * 0.55f),
                new XPoint(x + size * 0.38f, top + size * 0.9f),
                new XPoint(x + size, top + size * 0.15f),
            ]);
        });

    /// <summary>Filled rectangles in one path; call inside a <see cref="Figure"/> or an <see cref="Artifact"/>.</summary>
    public void FillRectangles(IReadOnlyList<XRect> rectangles, XColor color)
    {
        if (rectangles.Count == 0)
        {
            return;
        }

        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        foreach (var rectangle in rectangles)
        {
            path.AddRectangle(rectangle);
        }

        graphics.DrawPath(new XSolidBrush(color), path);
    }

    /// <summary>Fills one rectangle; call inside a <see cref="Figure"/> or an <see cref="Artifact"/>.</summary>
    public void FillRectangle(XRect rectangle, XColor color) => graphics.DrawRectangle(new XSolidBrush(color), rectangle);

    /// <summary>Draws an image centred in a box, keeping its proportions; call inside a <see cref="Figure"/>.</summary>
    public void Image(CertificateImage image, XRect box)
    {
        var scale = Math.Min(box.Width / image.PixelWidth, box.Height / image.PixelHeight);
        var width = image.PixelWidth * scale;
        var height = image.PixelHeight * scale;
        graphics.DrawImage(image.Drawn, box.X + (box.Width - width) / 2, box.Y + (box.Height - height) / 2, width, height);
        image.Embed(page);
    }

    private XFont Font(TextStyle style)
    {
        var key = (style.Face.FaceName, style.Size);
        if (!fonts.TryGetValue(key, out var font))
        {
            // Unicode (Type 0, Identity-H) so that every letter of Finnish and Swedish maps back to text.
            font = new XFont("Noto Sans", style.Size, style.Face.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            fonts[key] = font;
        }

        return font;
    }
}
