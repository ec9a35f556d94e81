using System.Globalization;
using System.Xml.Linq;
using Osaamismerkit.Catalogue.Artwork;
using SkiaSharp;

namespace Osaamismerkit.Tests.Catalogue;

public sealed class BadgeArtworkTests
{
    private const int MaxPngBytes = 256 * 1024;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly string[] ExpectedGlyphs =
    [
        "device", "id-card", "envelope", "building", "magnifier", "shield", "heart", "wrench",
        "video", "document", "briefcase", "chat", "lock", "cloud", "star", "sparkle",
    ];

    private static IEnumerable<TestCaseData> GlyphsInEveryArea() =>
        from glyph in ExpectedGlyphs
        from area in Enumerable.Range(1, 5)
        select new TestCaseData(glyph, area).SetArgDisplayNames(glyph, $"area {area}");

    [Test]
    public void Knows_exactly_the_catalogue_glyphs()
    {
        Assert.That(Glyphs.Names, Is.EquivalentTo(ExpectedGlyphs));
    }

    [TestCaseSource(nameof(GlyphsInEveryArea))]
    public void Every_glyph_renders_in_every_area(string glyph, int area)
    {
        var spec = new ArtworkSpec(glyph, area, 2, false);

        using var bitmap = Decode(BadgeArtwork.RenderPng(spec, 256));
        var svg = XDocument.Parse(BadgeArtwork.RenderSvg(spec));

        Assert.That(bitmap.Width, Is.EqualTo(256));
        var whiteInCentre = CountPixels(bitmap, IsWhite, SKRectI.Create(80, 64, 96, 96));
        Assert.That(whiteInCentre, Is.GreaterThan(96 * 96 / 10), "the glyph should cover a good part of the centre");
        Assert.That(CountPixels(bitmap, c => c == AreaColour(area), SKRectI.Create(0, 0, 256, 256)), Is.GreaterThan(256 * 256 / 4));
        Assert.That(svg.Descendants(Svg + "path").Select(p => (string?)p.Attribute("d")), Does.Contain(Glyphs.PathData(glyph)));
    }

    [TestCase(256)]
    [TestCase(512)]
    [TestCase(1024)]
    public void Png_decodes_to_the_requested_size_as_8_bit_rgba_under_256_kB(int size)
    {
        var png = BadgeArtwork.RenderPng(new ArtworkSpec("building", 4, 3, true), size);

        using var bitmap = Decode(png);
        Assert.Multiple(() =>
        {
            Assert.That(bitmap.Width, Is.EqualTo(size));
            Assert.That(bitmap.Height, Is.EqualTo(size));
            Assert.That(png, Has.Length.LessThan(MaxPngBytes));
            Assert.That(png.AsSpan(12, 4).ToArray(), Is.EqualTo("IHDR"u8.ToArray()));
            Assert.That(png[24], Is.EqualTo(8), "bit depth");
            Assert.That(png[25], Is.EqualTo(6), "colour type RGBA");
        });
    }

    [Test]
    public void Default_png_size_is_512()
    {
        using var bitmap = Decode(BadgeArtwork.RenderPng(new ArtworkSpec("star", 1, 1, false)));

        Assert.That(bitmap.Width, Is.EqualTo(512));
    }

    [TestCase(255)]
    [TestCase(1025)]
    public void Rejects_png_sizes_outside_the_supported_range(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BadgeArtwork.RenderPng(new ArtworkSpec("star", 1, 1, false), size));
    }

    [Test]
    public void Background_outside_the_badge_is_transparent()
    {
        using var bitmap = Decode(BadgeArtwork.RenderPng(new ArtworkSpec("heart", 2, 2, false), 256));

        Assert.That(bitmap.GetPixel(0, 0).Alpha, Is.Zero);
        Assert.That(bitmap.GetPixel(255, 255).Alpha, Is.Zero);
        Assert.That(bitmap.GetPixel(128, 128).Alpha, Is.EqualTo(255));
    }

    [Test]
    public void Rendering_the_same_spec_twice_gives_identical_bytes()
    {
        var spec = new ArtworkSpec("chat", 2, 3, true);

        Assert.That(BadgeArtwork.RenderPng(spec), Is.EqualTo(BadgeArtwork.RenderPng(new ArtworkSpec("chat", 2, 3, true))));
        Assert.That(BadgeArtwork.RenderSvg(spec), Is.EqualTo(BadgeArtwork.RenderSvg(new ArtworkSpec("chat", 2, 3, true))));
    }

    [Test]
    public void Svg_does_not_depend_on_the_current_culture()
    {
        var spec = new ArtworkSpec("magnifier", 5, 2, true);
        var original = CultureInfo.CurrentCulture;
        string invariant;
        string finnish;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            invariant = BadgeArtwork.RenderSvg(spec);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fi-FI");
            finnish = BadgeArtwork.RenderSvg(spec);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        Assert.That(finnish, Is.EqualTo(invariant));
        Assert.That(invariant, Does.Not.Contain(","));
    }

    [Test]
    public void Higher_level_fills_more_pips()
    {
        using var level2 = Decode(BadgeArtwork.RenderPng(new ArtworkSpec("shield", 4, 2, false), 256));
        using var level3 = Decode(BadgeArtwork.RenderPng(new ArtworkSpec("shield", 4, 3, false), 256));
        var lowerRim = SKRectI.Create(48, 176, 160, 48);

        var white2 = CountPixels(level2, IsWhite, lowerRim);
        var white3 = CountPixels(level3, IsWhite, lowerRim);

        Assert.That(white3, Is.GreaterThan(white2 + 50));
        Assert.That(
            BadgeArtwork.RenderSvg(new ArtworkSpec("shield", 4, 3, false)),
            Is.Not.EqualTo(BadgeArtwork.RenderSvg(new ArtworkSpec("shield", 4, 2, false))));
    }

    [Test]
    public void Each_area_fills_the_badge_with_its_own_colour()
    {
        var sampled = new List<SKColor>();
        for (var area = 1; area <= 5; area++)
        {
            using var bitmap = Decode(BadgeArtwork.RenderPng(new ArtworkSpec("lock", area, 1, false), 256));
            var colour = bitmap.GetPixel(51, 128);
            Assert.That(colour, Is.EqualTo(AreaColour(area)), $"area {area}");
            sampled.Add(colour);
        }

        Assert.That(sampled, Is.Unique);
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    public void Area_colours_keep_white_glyphs_readable(int area)
    {
        var colour = AreaColour(area);
        var contrast = 1.05 / (RelativeLuminance(colour) + 0.05);

        Assert.That(contrast, Is.GreaterThanOrEqualTo(4.5));
    }

    [Test]
    public void Area_colours_differ_in_lightness_for_greyscale_prints()
    {
        var luminances = Enumerable.Range(1, 5).Select(a => RelativeLuminance(AreaColour(a))).Order().ToList();

        var closest = luminances.Zip(luminances.Skip(1), (a, b) => b - a).Min();

        Assert.That(closest, Is.GreaterThan(0.02));
    }

    [Test]
    public void Milestone_is_a_gold_rimmed_hexagon_unlike_the_round_skill_badge()
    {
        using var skill = Decode(BadgeArtwork.RenderPng(new ArtworkSpec("star", 3, 4, false), 256));
        using var milestone = Decode(BadgeArtwork.RenderPng(new ArtworkSpec("star", 3, 4, true), 256));

        var skillTop = skill.GetPixel(128, 8);
        var milestoneTop = milestone.GetPixel(128, 8);
        Assert.That(skillTop, Is.EqualTo(AreaColour(3)));
        Assert.That(milestoneTop.Red, Is.GreaterThan(200));
        Assert.That(milestoneTop.Blue, Is.LessThan(100));
        Assert.That(milestoneTop.Alpha, Is.EqualTo(255));

        Assert.That(skill.GetPixel(8, 128).Alpha, Is.EqualTo(255));
        Assert.That(milestone.GetPixel(8, 128).Alpha, Is.Zero);

        Assert.That(
            BadgeArtwork.RenderSvg(new ArtworkSpec("star", 3, 4, true)),
            Is.Not.EqualTo(BadgeArtwork.RenderSvg(new ArtworkSpec("star", 3, 4, false))));
    }

    [Test]
    public void Svg_is_a_scriptless_svg_image_with_a_view_box()
    {
        var document = XDocument.Parse(BadgeArtwork.RenderSvg(new ArtworkSpec("document", 3, 2, true)));
        var root = document.Root!;

        Assert.Multiple(() =>
        {
            Assert.That(root.Name, Is.EqualTo(Svg + "svg"));
            Assert.That((string?)root.Attribute("viewBox"), Does.Match(@"^0 0 \d+(\.\d+)? \d+(\.\d+)?$"));
            Assert.That((string?)root.Attribute("role"), Is.EqualTo("img"));
            Assert.That(document.Descendants().Where(e => e.Name.LocalName == "script"), Is.Empty);
            Assert.That(
                document.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal)),
                Is.Empty);
            Assert.That(document.Descendants().Where(e => e.Name.LocalName == "text"), Is.Empty);
            Assert.That(document.Descendants(Svg + "path").Count(), Is.GreaterThanOrEqualTo(4 + 3));
        });
    }

    [Test]
    public void Unknown_glyph_is_rejected()
    {
        var spec = new ArtworkSpec("unicorn", 1, 1, false);

        Assert.Throws<ArgumentException>(() => BadgeArtwork.RenderSvg(spec));
        Assert.Throws<ArgumentException>(() => BadgeArtwork.RenderPng(spec));
        Assert.Throws<ArgumentException>(() => Glyphs.PathData("Star"));
    }

    [TestCase(0, 1)]
    [TestCase(6, 1)]
    [TestCase(1, 0)]
    [TestCase(1, 5)]
    public void Area_and_level_outside_digcomp_are_rejected(int area, int level)
    {
        var spec = new ArtworkSpec("star", area, level, false);

        Assert.Throws<ArgumentOutOfRangeException>(() => BadgeArtwork.RenderSvg(spec));
        Assert.Throws<ArgumentOutOfRangeException>(() => BadgeArtwork.RenderPng(spec));
    }

    private static SKBitmap Decode(byte[] png) =>
        SKBitmap.Decode(png) ?? throw new AssertionException("PNG did not decode");

    private static SKColor AreaColour(int area) => SKColor.Parse(AreaPalette.Fill(area));

    private static bool IsWhite(SKColor c) => c is { Red: > 245, Green: > 245, Blue: > 245, Alpha: > 245 };

    private static int CountPixels(SKBitmap bitmap, Func<SKColor, bool> match, SKRectI region)
    {
        var count = 0;
        for (var y = region.Top; y < region.Bottom; y++)
        {
            for (var x = region.Left; x < region.Right; x++)
            {
                if (match(bitmap.GetPixel(x, y)))
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static double RelativeLuminance(SKColor colour)
    {
        static double Linear(byte channel)
        {
            var c = channel / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Linear(colour.Red) + 0.7152 * Linear(colour.Green) + 0.0722 * Linear(colour.Blue);
    }
}
