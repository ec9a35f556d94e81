using Osaamismerkit.Certificates.Layout;
using SkiaSharp;

namespace Osaamismerkit.Certificates;

/// <summary>What composing one certificate needs: fonts and text styles, labels in its language, the issuer, and the document's images.</summary>
internal sealed class CertificateContext(CertificateFonts fonts, CertificateLabels labels, CertificateIssuer issuer, ImageCache images)
{
    public CertificateLabels Labels { get; } = labels;

    public CertificateIssuer Issuer { get; } = issuer;

    public ImageCache Images { get; } = images;

    public TextStyle Title { get; } = new(fonts.Bold, 24, Palette.Ink, 1.2f);

    public TextStyle Name { get; } = new(fonts.Bold, 21, Palette.Ink, 1.2f);

    public TextStyle BadgeName { get; } = new(fonts.Bold, 16, Palette.Ink, 1.25f);

    public TextStyle Heading { get; } = new(fonts.Bold, 11.5f, Palette.Ink, 1.3f);

    public TextStyle Lead { get; } = new(fonts.Regular, 10.5f, Palette.Muted);

    public TextStyle Body { get; } = new(fonts.Regular, 9.5f, Palette.Ink);

    public TextStyle BodyBold { get; } = new(fonts.Bold, 9.5f, Palette.Ink);

    public TextStyle Label { get; } = new(fonts.Regular, 9, Palette.Muted);

    public TextStyle Small { get; } = new(fonts.Regular, 8, Palette.Muted);

    public TextStyle SmallBold { get; } = new(fonts.Bold, 8, Palette.Ink);

    public TextStyle Code { get; } = new(fonts.Bold, 20, Palette.Ink, 1.2f);

    public static void Rule(SKCanvas canvas, float x1, float y, float x2, SKColor color, float thickness)
    {
        using var paint = new SKPaint { Color = color, StrokeWidth = thickness, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawLine(x1, y, x2, y, paint);
    }

    public static void Frame(SKCanvas canvas, SKRect rect, SKColor color, float thickness, SKColor? fill = null)
    {
        if (fill is { } background)
        {
            using var fillPaint = new SKPaint { Color = background, Style = SKPaintStyle.Fill, IsAntialias = true };
            canvas.DrawRoundRect(rect, 4, 4, fillPaint);
        }

        using var paint = new SKPaint { Color = color, StrokeWidth = thickness, Style = SKPaintStyle.Stroke, IsAntialias = true };
        canvas.DrawRoundRect(rect, 4, 4, paint);
    }

    /// <summary>Draws an image centred in a square, keeping its proportions.</summary>
    public static void Image(SKCanvas canvas, SKImage image, SKRect box)
    {
        var scale = Math.Min(box.Width / image.Width, box.Height / image.Height);
        var width = image.Width * scale;
        var height = image.Height * scale;
        var target = SKRect.Create(box.MidX - width / 2, box.MidY - height / 2, width, height);
        canvas.DrawImage(image, target, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }

    /// <summary>A vector tick, so the mark needs no glyph the font may lack.</summary>
    public static void Tick(SKCanvas canvas, float x, float top, float size)
    {
        using var path = new SKPath();
        path.MoveTo(x, top + size * 0.55f);
        path.LineTo(x + size * 0.38f, top + size * 0.9f);
        path.LineTo(x + size, top + size * 0.15f);
        using var paint = new SKPaint
        {
            Color = Palette.Accent,
            StrokeWidth = size * 0.18f,
            Style = SKPaintStyle.Stroke,
            StrokeCap = SKStrokeCap.Round,
            StrokeJoin = SKStrokeJoin.Round,
            IsAntialias = true,
        };
        canvas.DrawPath(path, paint);
    }

    public static void Link(SKCanvas canvas, SKRect area, string url)
    {
        using var annotation = canvas.DrawUrlAnnotation(area, url);
    }
}
