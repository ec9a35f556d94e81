using System.Runtime.InteropServices;
using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using HbBuffer = HarfBuzzSharp.Buffer;
using HbFont = HarfBuzzSharp.Font;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>One embedded TrueType font, for Skia (drawing) and HarfBuzz (shaping: kerning and marks).</summary>
internal sealed class FontFace : IDisposable
{
    // Ligatures off: PDF readers that ignore /ActualText (PdfPig, some search indexes) would otherwise find
    // "ﬁ" instead of "fi", and a search for "profiili" would miss the certificate.
    private static readonly Feature[] Features = [Feature.Parse("liga=0"), Feature.Parse("clig=0")];

    private readonly Blob blob;
    private readonly Face face;
    private readonly HbFont font;
    private readonly int unitsPerEm;

    public FontFace(byte[] data)
    {
        // A native copy, not SKTypeface.FromStream over a managed stream: Skia reads font tables lazily, up to the
        // moment the PDF embeds the font, long after a stream passed here would have been disposed.
        using (var native = SKData.CreateCopy(data))
        {
            Typeface = SKTypeface.FromData(native)
                ?? throw new InvalidOperationException("The embedded font could not be read.");
        }

        blob = NativeBlob(data);
        face = new Face(blob, 0);
        face.MakeImmutable();
        unitsPerEm = face.UnitsPerEm;
        font = new HbFont(face);
        font.SetFunctionsOpenType();
        font.SetScale(unitsPerEm, unitsPerEm);
    }

    public SKTypeface Typeface { get; }

    /// <summary>
    /// HarfBuzz copies the bytes into memory of its own. Blob.FromStream instead keeps a pointer into a managed
    /// array that is no longer pinned, and shaping turns to garbage after the next garbage collection.
    /// </summary>
    private static Blob NativeBlob(byte[] data)
    {
        var handle = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            return new Blob(handle.AddrOfPinnedObject(), data.Length, MemoryMode.Duplicate);
        }
        finally
        {
            handle.Free();
        }
    }

    public ShapedText Shape(string text, float size)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var buffer = new HbBuffer();
        buffer.AddUtf8(utf8); // clusters are then UTF-8 byte offsets, as Skia's text runs want them
        buffer.GuessSegmentProperties();
        font.Shape(buffer, Features);

        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var scale = size / unitsPerEm;
        var glyphs = new ushort[infos.Length];
        var points = new SKPoint[infos.Length];
        var clusters = new uint[infos.Length];
        var x = 0f;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = infos[i].Cluster;
            points[i] = new SKPoint(x + positions[i].XOffset * scale, -positions[i].YOffset * scale);
            x += positions[i].XAdvance * scale;
        }

        return new ShapedText(this, size, glyphs, points, utf8, clusters, x);
    }

    public float Measure(string text, float size) => text.Length == 0 ? 0 : Shape(text, size).Width;

    public void Dispose()
    {
        font.Dispose();
        face.Dispose();
        blob.Dispose();
        Typeface.Dispose();
    }
}
