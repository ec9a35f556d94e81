using System.Security.Cryptography;
using PdfSharp.Drawing;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// Decoded images for one document. PDFsharp embeds an image once per XImage, so reusing the same XImage for the same
/// content keeps a batch of 1,000 certificates from carrying 1,000 copies of one badge, even when every
/// certificate's model holds its own copy of the bytes.
/// </summary>
internal sealed class ImageCache : IDisposable
{
    private readonly Dictionary<byte[], XImage?> byReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, XImage?> byContent = new(StringComparer.Ordinal);

    public XImage? Get(byte[]? png)
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
            image = XImage.FromStream(new MemoryStream(png, writable: false));
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
