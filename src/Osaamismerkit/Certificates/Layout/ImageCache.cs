using System.Security.Cryptography;
using PdfSharp.Drawing;
using SkiaSharp;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// The images of one document. Each distinct image is embedded once however often it is drawn, so a batch of 1,000
/// certificates carries one copy of each badge, even when every certificate's model holds its own copy of the bytes.
/// An image prepared once per process (<see cref="PreparedImage"/>) is drawn as a one-pixel stand-in that
/// <see cref="CertificateImage.Embed"/> then turns into the prepared image.
/// </summary>
internal sealed class ImageCache : IDisposable
{
    // One stand-in per distinct image of a document, each of its own colour: PDFsharp merges images with equal pixels.
    private static readonly List<byte[]> StandIns = [];

    private readonly Dictionary<byte[], CertificateImage?> byReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, CertificateImage?> byContent = new(StringComparer.Ordinal);

    public CertificateImage? Get(byte[]? png)
    {
        if (png is null || png.Length == 0)
        {
            return null;
        }

        if (byReference.TryGetValue(png, out var image))
        {
            return image;
        }

        var hash = Convert.ToBase64String(SHA256.HashData(png));
        if (!byContent.TryGetValue(hash, out image))
        {
            image = PreparedImage.Of(png) is { } prepared
                ? new CertificateImage(XImage.FromStream(new MemoryStream(StandIn(byContent.Count), writable: false)), prepared)
                : new CertificateImage(XImage.FromStream(new MemoryStream(png, writable: false)), null);
            byContent[hash] = image;
        }

        byReference[png] = image;
        return image;
    }

    public void Dispose()
    {
        foreach (var image in byContent.Values)
        {
            image?.Drawn.Dispose();
        }

        byContent.Clear();
        byReference.Clear();
    }

    private static byte[] StandIn(int index)
    {
        lock (StandIns)
        {
            while (StandIns.Count <= index)
            {
                var colour = StandIns.Count;
                using var bitmap = new SKBitmap(new SKImageInfo(1, 1, SKColorType.Rgb888x, SKAlphaType.Opaque));
                bitmap.SetPixel(0, 0, new SKColor((byte)colour, (byte)(colour >> 8), (byte)(colour >> 16)));
                using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
                StandIns.Add(data.ToArray());
            }

            return StandIns[index];
        }
    }
}
