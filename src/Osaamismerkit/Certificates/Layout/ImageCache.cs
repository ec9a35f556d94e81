using System.Security.Cryptography;
using SkiaSharp;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// Decoded images for one document. Skia's PDF backend embeds an image once per image object, so reusing the
/// same SKImage for the same content keeps a batch of 1,000 certificates from carrying 1,000 copies of one badge,
/// even when every certificate's model holds its own copy of the bytes.
/// </summary>
internal sealed class ImageCache : IDisposable
{
    private readonly Dictionary<byte[], SKImage?> byReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, SKImage?> byContent = new(StringComparer.Ordinal);

    public SKImage? Get(byte[]? png)
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
            image = SKImage.FromEncodedData(png);
            byContent[hash] = image;
        }

        byReference[png] = image;
        return image;
    }

    public void Dispose()
    {
        foreach (var image in byContent.Values)
        {
            image?.Dispose();
        }

        byContent.Clear();
        byReference.Clear();
    }
}
