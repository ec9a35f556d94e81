using PdfSharp.Drawing;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>A font, a size in points, a colour and the line height as a multiple of the size.</summary>
internal sealed record TextStyle(FontFace Face, float Size, XColor Color, float Leading = 1.35f)
{
    public float LineHeight => Size * Leading;

    /// <summary>From the top of a line box to its baseline: Noto's cap height sits centred in the line.</summary>
    public float BaselineOffset => (LineHeight - Size) / 2 + Size * 0.9f;

    public TextStyle WithSize(float size) => this with { Size = size };

    public TextStyle WithColor(XColor color) => this with { Color = color };
}
