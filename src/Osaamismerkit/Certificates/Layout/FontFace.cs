using System.Runtime.InteropServices;
using System.Text;
using HarfBuzzSharp;
using HbBuffer = HarfBuzzSharp.Buffer;
using HbFont = HarfBuzzSharp.Font;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// One embedded TrueType font: HarfBuzz measures lines with it, and the PDF writer embeds the same bytes
/// (<see cref="CertificateFontResolver"/>) under <see cref="FaceName"/>.
/// </summary>
internal sealed class FontFace : IDisposable
{
    // Ligatures off: PDF readers that ignore /ActualText (PdfPig, some search indexes) would otherwise find
    // "ﬁ" instead of "fi", and a search for "profiili" would miss the certificate. Kerning off: PDFsharp draws
    // each character with its plain advance, so a line must be measured the same way to land where it was laid out.
    private static readonly Feature[] Features = [Feature.Parse("liga=0"), Feature.Parse("clig=0"), Feature.Parse("kern=0")];

    private readonly Blob blob;
    private readonly Face face;
    private readonly HbFont font;
    private readonly int unitsPerEm;

    public FontFace(string faceName, bool bold, byte[] data)
    {
        FaceName = faceName;
        Bold = bold;
        blob = NativeBlob(data);
        face = new Face(blob, 0);
        face.MakeImmutable();
        unitsPerEm = face.UnitsPerEm;
        font = new HbFont(face);
        font.SetFunctionsOpenType();
        font.SetScale(unitsPerEm, unitsPerEm);
    }

    /// <summary>The face name the font resolver serves these bytes under.</summary>
    public string FaceName { get; }

    public bool Bold { get; }

    public ShapedText Shape(string text, float size) => new(text, Measure(text, size));

    public float Measure(string text, float size)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        using var buffer = new HbBuffer();
        buffer.AddUtf8(Encoding.UTF8.GetBytes(text));
        buffer.GuessSegmentProperties();
        font.Shape(buffer, Features);

        var advance = 0;
        foreach (var position in buffer.GetGlyphPositionSpan())
        {
            advance += position.XAdvance;
        }

        return advance * size / unitsPerEm;
    }

    /// <summary>Whether the font has a glyph for every character of <paramref name="text"/> (no tofu boxes).</summary>
    public bool ContainsGlyphs(string text) =>
        text.EnumerateRunes().All(rune => font.TryGetGlyph((uint)rune.Value, out _));

    public void Dispose()
    {
        font.Dispose();
        face.Dispose();
        blob.Dispose();
    }

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
}
