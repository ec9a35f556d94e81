namespace Osaamismerkit.Certificates.Layout;

/// <summary>A measured block: its height is known before it is placed, and it draws at a given left and top.</summary>
internal sealed record Drawable(float Height, Action<PdfCanvas, float, float> Draw);
