using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Osaamismerkit.Catalogue.Artwork;

/// <summary>
/// Draws badge artwork as SVG and PNG from one list of shapes, so both formats show the same design.
/// Skill badges are round; milestones are rounded hexagons with a gold rim.
/// The lower rim carries four pips, one filled per DigComp proficiency level.
/// </summary>
public static class BadgeArtwork
{
    public const int MinPngSize = 256;
    public const int MaxPngSize = 1024;
    public const int MaxLevel = 4;

    private const double ViewBox = 200;
    private const double Centre = ViewBox / 2;
    private const string White = "#FFFFFF";
    private const string Gold = "#E9A91C";

    private const double DiscRadius = 96;
    private const double RingRadius = 86;
    private const double RingWidth = 3;

    private const double GoldApothem = 88;
    private const double GoldCorner = 24;
    private const double HexApothem = 80;
    private const double HexCorner = 16;
    private const double HexRingApothem = 72;
    private const double HexRingCorner = 8;

    private const double GlyphLeft = 55;
    private const double GlyphTop = 43;
    private const double GlyphScale = 0.9;

    private const double PipOrbit = 60;
    private const double PipSpacingDegrees = 17;
    private const double PipRadius = 7;
    private const double EmptyPipStroke = 2.5;

    public static string RenderSvg(ArtworkSpec spec)
    {
        var shapes = Compose(spec);
        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .Append(Number(ViewBox)).Append(' ').Append(Number(ViewBox))
            .Append("\" width=\"").Append(Number(ViewBox))
            .Append("\" height=\"").Append(Number(ViewBox))
            .Append("\" role=\"img\">\n");
        foreach (var shape in shapes)
        {
            svg.Append("  <path d=\"").Append(shape.PathData).Append('"');
            if (shape.StrokeWidth > 0)
            {
                svg.Append(" fill=\"none\" stroke=\"").Append(shape.Colour)
                    .Append("\" stroke-width=\"").Append(Number(shape.StrokeWidth)).Append('"');
            }
            else
            {
                svg.Append(" fill=\"").Append(shape.Colour).Append('"');
            }

            if (shape.Scale != 1 || shape.OffsetX != 0 || shape.OffsetY != 0)
            {
                svg.Append(" transform=\"translate(").Append(Number(shape.OffsetX)).Append(' ')
                    .Append(Number(shape.OffsetY)).Append(") scale(").Append(Number(shape.Scale)).Append(")\"");
            }

            svg.Append("/>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    public static byte[] RenderPng(ArtworkSpec spec, int size = 512)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, MinPngSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxPngSize);
        var shapes = Compose(spec);

        var info = new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.Scale((float)(size / ViewBox));
            foreach (var shape in shapes)
            {
                Draw(canvas, shape);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void Draw(SKCanvas canvas, Shape shape)
    {
        using var path = SKPath.ParseSvgPathData(shape.PathData)
            ?? throw new InvalidOperationException($"Unreadable path data: {shape.PathData}");
        using var paint = new SKPaint
        {
            IsAntialias = true,
            Color = SKColor.Parse(shape.Colour),
            Style = shape.StrokeWidth > 0 ? SKPaintStyle.Stroke : SKPaintStyle.Fill,
            StrokeWidth = (float)shape.StrokeWidth,
        };
        canvas.Save();
        canvas.Translate((float)shape.OffsetX, (float)shape.OffsetY);
        canvas.Scale((float)shape.Scale);
        canvas.DrawPath(path, paint);
        canvas.Restore();
    }

    private static List<Shape> Compose(ArtworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var fill = AreaPalette.Fill(spec.Area);
        if (spec.Level is < 1 or > MaxLevel)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec.Level, "DigComp proficiency levels are numbered 1 to 4.");
        }

        var glyph = Glyphs.PathData(spec.Glyph);

        var shapes = new List<Shape>();
        if (spec.Milestone)
        {
            shapes.Add(Shape.Filled(RoundedHexagon(GoldApothem, GoldCorner), Gold));
            shapes.Add(Shape.Filled(RoundedHexagon(HexApothem, HexCorner), fill));
            shapes.Add(Shape.Stroked(RoundedHexagon(HexRingApothem, HexRingCorner), White, RingWidth));
        }
        else
        {
            shapes.Add(Shape.Filled(Circle(Centre, Centre, DiscRadius), fill));
            shapes.Add(Shape.Stroked(Circle(Centre, Centre, RingRadius), White, RingWidth));
        }

        shapes.Add(new Shape(glyph, White, 0, GlyphLeft, GlyphTop, GlyphScale));

        for (var pip = 0; pip < MaxLevel; pip++)
        {
            var degrees = 90 + (((MaxLevel - 1) / 2.0) - pip) * PipSpacingDegrees;
            var radians = degrees * Math.PI / 180;
            var x = Centre + PipOrbit * Math.Cos(radians);
            var y = Centre + PipOrbit * Math.Sin(radians);
            shapes.Add(pip < spec.Level
                ? Shape.Filled(Circle(x, y, PipRadius), White)
                : Shape.Stroked(Circle(x, y, PipRadius - EmptyPipStroke / 2), White, EmptyPipStroke));
        }

        return shapes;
    }

    private static string Circle(double cx, double cy, double r)
    {
        var radius = $"{Number(r)} {Number(r)}";
        var left = $"{Number(cx - r)} {Number(cy)}";
        var right = $"{Number(cx + r)} {Number(cy)}";
        return $"M{left} A{radius} 0 1 1 {right} A{radius} 0 1 1 {left}Z";
    }

    private static string RoundedHexagon(double apothem, double cornerRadius)
    {
        var vertexDistance = apothem / Math.Cos(Math.PI / 6);
        var tangentLength = cornerRadius * Math.Tan(Math.PI / 6);
        var vertices = new (double X, double Y)[6];
        for (var i = 0; i < 6; i++)
        {
            var angle = (-90 + 60 * i) * Math.PI / 180;
            vertices[i] = (Centre + vertexDistance * Math.Cos(angle), Centre + vertexDistance * Math.Sin(angle));
        }

        var path = new StringBuilder();
        for (var i = 0; i < 6; i++)
        {
            var vertex = vertices[i];
            var previous = vertices[(i + 5) % 6];
            var next = vertices[(i + 1) % 6];
            var entry = Towards(vertex, previous, tangentLength);
            var exit = Towards(vertex, next, tangentLength);
            path.Append(i == 0 ? "M" : " L").Append(Number(entry.X)).Append(' ').Append(Number(entry.Y))
                .Append(" A").Append(Number(cornerRadius)).Append(' ').Append(Number(cornerRadius))
                .Append(" 0 0 1 ").Append(Number(exit.X)).Append(' ').Append(Number(exit.Y));
        }

        return path.Append('Z').ToString();
    }

    private static (double X, double Y) Towards((double X, double Y) from, (double X, double Y) to, double distance)
    {
        var dx = to.X - from.X;
        var dy = to.Y - from.Y;
        var length = Math.Sqrt(dx * dx + dy * dy);
        return (from.X + dx / length * distance, from.Y + dy / length * distance);
    }

    private static string Number(double value)
    {
        var rounded = Math.Round(value, 3, MidpointRounding.AwayFromZero) + 0.0;
        return rounded.ToString("0.###", CultureInfo.InvariantCulture);
    }

    private sealed record Shape(string PathData, string Colour, double StrokeWidth, double OffsetX, double OffsetY, double Scale)
    {
        public static Shape Filled(string pathData, string colour) => new(pathData, colour, 0, 0, 0, 1);

        public static Shape Stroked(string pathData, string colour, double width) => new(pathData, colour, width, 0, 0, 1);
    }
}
