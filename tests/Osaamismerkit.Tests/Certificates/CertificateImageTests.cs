using SkiaSharp;
using static Osaamismerkit.Tests.Certificates.CertificateSamples;

namespace Osaamismerkit.Tests.Certificates;

/// <summary>
/// Images are prepared once per process and copied into each document that draws them; poppler's pdfimages reads back
/// what each document really carries, pixel for pixel, colour and alpha.
/// </summary>
public sealed class CertificateImageTests
{
    [Test]
    public void Every_document_carries_each_of_its_images_with_its_own_pixels_however_many_documents_drew_it_before()
    {
        var logo = Circle(new SKColor(0x00, 0x80, 0x40));
        var red = Circle(new SKColor(0xC6, 0x28, 0x28));
        var blue = Circle(new SKColor(0x15, 0x65, 0xC0, 0xC0));
        var issuer = Issuer with { LogoPng = logo };
        var redBadge = FinnishBadge() with { ImagePng = red };
        var blueBadge = FinnishBadge() with { ImagePng = blue, BadgeName = "Sähköposti" };

        var first = SignedBadgeRenderer().Render(issuer, Recipient(), blueBadge);
        // Copies of the same bytes, as each certificate model of a batch holds its own.
        var again = SignedBadgeRenderer().Render(issuer, Recipient(), blueBadge with { ImagePng = [.. blue] });
        var combined = SignedCombinedRenderer().Render(issuer, Recipient(), [redBadge, blueBadge]);
        var batch = SignedBatchRenderer().Render(issuer, [new(Recipient(), [blueBadge]), new(Recipient("sv", "Sven Svensson"), [redBadge with { ImagePng = [.. red] }])], "fi");

        Assert.Multiple(() =>
        {
            AssertImages("first badge certificate", first, logo, blue);
            AssertImages("the same certificate again", again, logo, blue);
            // The combined certificate lists a track's badges by name: Sähköposti before Verkkopankin käyttö.
            AssertImages("combined certificate", combined, logo, blue, red);
            AssertImages("batch", batch, logo, blue, logo, red);
        });
    }

    [Test]
    public void A_document_embeds_each_distinct_image_once_however_often_it_is_drawn()
    {
        var pdftool = ExternalTools.Require("pdfimages", "poppler-utils");
        var red = Circle(new SKColor(0xC6, 0x28, 0x28));
        var badge = FinnishBadge() with { ImagePng = red };
        var batch = SignedBatchRenderer().Render(Issuer, [.. Enumerable.Range(0, 3).Select(i => new Osaamismerkit.Certificates.CertificateBatchItem(Recipient(), [badge with { ImagePng = [.. red] }]))], "fi");

        var (_, list) = ExternalTools.Run(pdftool, "-list", Temp(batch));
        var objects = list.Split('\n').Skip(2).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(columns => columns.Length > 11 && columns[2] == "image").Select(columns => columns[10]).ToList();
        Assert.That(objects, Has.Count.EqualTo(3), list);
        Assert.That(objects.Distinct().Count(), Is.EqualTo(1), list);
    }

    /// <summary>The document's images in drawing order, each with its soft mask, equal the given PNGs, unpremultiplied.</summary>
    private static void AssertImages(string kind, byte[] pdf, params byte[][] expected)
    {
        var pdftool = ExternalTools.Require("pdfimages", "poppler-utils");
        var folder = Directory.CreateTempSubdirectory("certificate-images-").FullName;
        var (exitCode, output) = ExternalTools.Run(pdftool, "-png", Temp(pdf), Path.Combine(folder, "image"));
        Assert.That(exitCode, Is.Zero, output);
        var files = Directory.GetFiles(folder, "image-*.png").Order(StringComparer.Ordinal).ToList();
        Assert.That(files, Has.Count.EqualTo(expected.Length * 2), $"{kind}: an image and its soft mask for each image drawn");
        for (var i = 0; i < expected.Length && files.Count == expected.Length * 2; i++)
        {
            using var want = Unpremultiplied(expected[i]);
            using var colour = SKBitmap.Decode(files[2 * i]);
            using var alpha = SKBitmap.Decode(files[2 * i + 1]);
            Assert.That((colour.Width, colour.Height, alpha.Width, alpha.Height), Is.EqualTo((want.Width, want.Height, want.Width, want.Height)), $"{kind}, image {i}");
            var mismatches = 0;
            for (var y = 0; y < want.Height; y++)
            {
                for (var x = 0; x < want.Width; x++)
                {
                    var w = want.GetPixel(x, y);
                    var c = colour.GetPixel(x, y);
                    var a = alpha.GetPixel(x, y);
                    if (a.Red != w.Alpha || (w.Alpha > 0 && (c.Red, c.Green, c.Blue) != (w.Red, w.Green, w.Blue)))
                    {
                        mismatches++;
                    }
                }
            }

            Assert.That(mismatches, Is.Zero, $"{kind}, image {i}: pixels unlike the PNG drawn there");
        }
    }

    private static SKBitmap Unpremultiplied(byte[] png)
    {
        using var codec = SKCodec.Create(new MemoryStream(png));
        var bitmap = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        return bitmap;
    }

    private static string Temp(byte[] pdf)
    {
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"images-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        return file;
    }
}
