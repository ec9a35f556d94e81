using System.Collections.Concurrent;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// A PNG turned into a PDF image XObject once per process: PDFsharp decodes it and splits colour from alpha, then the
/// samples are deflated at the smallest size with the zlib checksum. PDFsharp itself would decode, hash and deflate the
/// same badge and issuer mark again for every document, which was most of the cost of a one-page certificate; a
/// document copies the finished dictionaries and compressed bytes instead (<see cref="WriteTo"/>).
/// </summary>
internal sealed class PreparedImage
{
    // The catalogue's artwork and the issuer mark: a few dozen. Beyond this, images are prepared per use, not kept.
    private const int MaxKept = 256;

    private static readonly ConcurrentDictionary<string, PreparedImage?> Kept = new(StringComparer.Ordinal);

    // BadgeImages hands out the same array for the same badge: found by reference, it need not even be hashed.
    private static readonly ConditionalWeakTable<byte[], StrongBox<PreparedImage?>> ByReference = [];

    private readonly Dictionary<string, PdfItem> image;
    private readonly byte[] samples;
    private readonly Dictionary<string, PdfItem>? softMask;
    private readonly byte[]? softMaskSamples;

    private PreparedImage(int pixelWidth, int pixelHeight, Dictionary<string, PdfItem> image, byte[] samples, Dictionary<string, PdfItem>? softMask, byte[]? softMaskSamples)
    {
        PixelWidth = pixelWidth;
        PixelHeight = pixelHeight;
        this.image = image;
        this.samples = samples;
        this.softMask = softMask;
        this.softMaskSamples = softMaskSamples;
    }

    public int PixelWidth { get; }

    public int PixelHeight { get; }

    /// <summary>
    /// The prepared form of <paramref name="png"/>, or null when PDFsharp makes of it something other than samples
    /// with an optional soft mask (a palette, a bitmap mask): such an image is left to PDFsharp, per document.
    /// </summary>
    public static PreparedImage? Of(byte[] png)
    {
        if (ByReference.TryGetValue(png, out var known))
        {
            return known.Value;
        }

        var key = Convert.ToBase64String(SHA256.HashData(png));
        if (!Kept.TryGetValue(key, out var prepared))
        {
            prepared = Prepare(png);
            if (Kept.Count >= MaxKept)
            {
                return prepared;
            }

            prepared = Kept.GetOrAdd(key, prepared);
        }

        ByReference.AddOrUpdate(png, new StrongBox<PreparedImage?>(prepared));
        return prepared;
    }

    /// <summary>
    /// Makes <paramref name="target"/> — the image XObject PDFsharp made for a stand-in drawn in this image's place —
    /// this image: its dictionary entries, its samples and, as a new object of the same document, its soft mask.
    /// </summary>
    public void WriteTo(PdfImage target)
    {
        foreach (var key in target.Elements.Keys.ToList())
        {
            if (key is not ("/Type" or "/Subtype"))
            {
                target.Elements.Remove(key);
            }
        }

        foreach (var (key, value) in image)
        {
            target.Elements[key] = value;
        }

        // Copied: a document owns its streams, and a security handler would encrypt them in place.
        target.Stream.Value = (byte[])samples.Clone();
        if (softMask is not null && softMaskSamples is not null)
        {
            var mask = new PdfDictionary(target.Owner);
            foreach (var (key, value) in softMask)
            {
                mask.Elements[key] = value;
            }

            mask.CreateStream((byte[])softMaskSamples.Clone());
            target.Owner.Internals.AddObject(mask);
            target.Elements[PdfImage.Keys.SMask] = mask.Reference;
        }
    }

    private static PreparedImage? Prepare(byte[] png)
    {
        // PDFsharp's own conversion, into a document that is thrown away, so the result is what it would embed.
        var scratch = new PdfDocument();
        using var source = XImage.FromStream(new MemoryStream(png, writable: false));
        var made = new PdfImage(scratch, source);
        if (made.Stream is null || Entries(made, out var softMaskReference) is not { } image)
        {
            return null;
        }

        Dictionary<string, PdfItem>? softMask = null;
        byte[]? softMaskSamples = null;
        if (softMaskReference is not null)
        {
            if (softMaskReference.Value is not PdfDictionary { Stream: not null } mask || Entries(mask, out var nested) is not { } maskEntries || nested is not null)
            {
                return null;
            }

            softMask = maskEntries;
            softMaskSamples = Recompress(mask.Stream.Value);
        }

        return new PreparedImage(source.PixelWidth, source.PixelHeight, image, Recompress(made.Stream.Value), softMask, softMaskSamples);
    }

    /// <summary>
    /// The entries other than the stream's length as values a document can share (names, numbers, booleans), and the
    /// soft mask's reference; null if there is anything else, such as a palette object or a bitmap mask.
    /// </summary>
    private static Dictionary<string, PdfItem>? Entries(PdfDictionary dictionary, out PdfReference? softMask)
    {
        softMask = null;
        var entries = new Dictionary<string, PdfItem>(StringComparer.Ordinal);
        foreach (var key in dictionary.Elements.Keys)
        {
            var value = dictionary.Elements[key];
            if (key == "/Length")
            {
                continue;
            }

            if (key == PdfImage.Keys.SMask && value is PdfReference reference)
            {
                softMask = reference;
            }
            else if (value is PdfName or PdfInteger or PdfBoolean or PdfReal)
            {
                entries[key] = value;
            }
            else
            {
                return null;
            }
        }

        return entries.TryGetValue("/Filter", out var filter) && filter is PdfName { Value: "/FlateDecode" } ? entries : null;
    }

    /// <summary>
    /// PDFsharp deflates without the zlib checksum (and at its default level); done once, it can be done properly and
    /// at the smallest size.
    /// </summary>
    private static byte[] Recompress(byte[] flate)
    {
        using var raw = new MemoryStream();
        using (var inflate = new DeflateStream(new MemoryStream(flate, 2, flate.Length - 2, writable: false), CompressionMode.Decompress))
        {
            inflate.CopyTo(raw);
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(raw.GetBuffer(), 0, (int)raw.Length);
        }

        return compressed.ToArray();
    }
}
