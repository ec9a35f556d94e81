using System.Buffers.Binary;
using MetadataExtractor;
using MetadataExtractor.Formats.Png;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Verification;
using SkiaSharp;

namespace Osaamismerkit.Tests.Verification;

public sealed class BakingTests
{
    private const string Jws = "eyJhbGciOiJSUzI1NiJ9.eyJ0eXBlIjoiQXNzZXJ0aW9uIn0.c2lnbmF0dXJl";

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(32, 32);
        bitmap.Erase(SKColors.SteelBlue);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Test]
    public void A_baked_png_holds_exactly_one_uncompressed_openbadges_itxt_chunk_that_another_reader_finds()
    {
        var baked = PngBadge.Bake(Png(), Jws);

        var texts = PngMetadataReader.ReadMetadata(new MemoryStream(baked))
            .OfType<PngDirectory>()
            .SelectMany(d => d.Tags)
            .Where(t => t.Description?.Contains("openbadges", StringComparison.Ordinal) == true)
            .ToList();
        Assert.That(texts, Has.Count.EqualTo(1));
        Assert.That(texts[0].Description, Does.Contain(Jws));
        Assert.That(PngBadge.Extract(baked), Is.EqualTo(Jws));
        Assert.That(SKBitmap.Decode(baked).Width, Is.EqualTo(32), "still a valid image");
    }

    [Test]
    public void Baking_again_replaces_the_old_assertion()
    {
        var twice = PngBadge.Bake(PngBadge.Bake(Png(), "old.jws.value"), Jws);

        Assert.That(PngBadge.Extract(twice), Is.EqualTo(Jws));
        Assert.That(System.Text.Encoding.Latin1.GetString(twice), Does.Not.Contain("old.jws.value"));
    }

    [Test]
    public void A_broken_crc_or_a_truncated_file_yields_nothing()
    {
        var baked = PngBadge.Bake(Png(), Jws);
        var corrupted = (byte[])baked.Clone();
        corrupted[^20] ^= 0xFF;

        Assert.That(PngBadge.Extract(corrupted), Is.Null);
        Assert.That(PngBadge.Extract(baked.AsSpan(0, baked.Length / 2)), Is.Null);
        Assert.That(PngBadge.Extract("not a png"u8), Is.Null);
    }

    [Test]
    public void A_chunk_claiming_a_huge_length_is_refused_without_allocating_it()
    {
        var png = Png();
        var huge = png.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(huge.AsSpan(8), 0x7FFF_FFFF);

        Assert.That(PngBadge.Extract(huge), Is.Null);
        Assert.That(() => PngBadge.Bake(huge, Jws), Throws.ArgumentException);
    }

    [Test]
    public void A_baked_svg_carries_the_jws_in_the_openbadges_namespace()
    {
        const string svg = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="5"/></svg>""";

        var baked = SvgBadge.Bake(svg, Jws);

        Assert.That(baked, Does.Contain("xmlns:openbadges=\"http://openbadges.org\""));
        Assert.That(baked, Does.Contain($"<openbadges:assertion verify=\"{Jws}\""));
        Assert.That(SvgBadge.Extract(baked), Is.EqualTo(Jws));
    }

    [Test]
    public void Svg_with_a_dtd_or_no_assertion_yields_nothing()
    {
        const string withDtd = """<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>""";

        Assert.That(SvgBadge.Extract(withDtd), Is.Null);
        Assert.That(SvgBadge.Extract("""<svg xmlns="http://www.w3.org/2000/svg"/>"""), Is.Null);
        Assert.That(SvgBadge.Extract("<html/>"), Is.Null);
    }
}
