using SkiaSharp;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// A shaped line of text. Drawn as a text run that carries the UTF-8 text and clusters, so the PDF keeps real,
/// selectable and searchable text with a correct ToUnicode map, never outlines.
/// </summary>
internal sealed class ShapedText(FontFace face, float size, ushort[] glyphs, SKPoint[] points, byte[] utf8, uint[] clusters, float width)
{
    public float Width { get; } = width;

    public void Draw(SKCanvas canvas, float x, float baseline, SKColor color)
    {
        if (glyphs.Length == 0)
        {
            return;
        }

        using var font = new SKFont(face.Typeface, size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedTextRun(font, glyphs.Length, utf8.Length);
        glyphs.CopyTo(run.Glyphs);
        points.CopyTo(run.Positions);
        utf8.CopyTo(run.Text);
        clusters.CopyTo(run.Clusters);
        using var blob = builder.Build();
        if (blob is null)
        {
            return;
        }

        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(blob, x, baseline, paint);
    }
}
