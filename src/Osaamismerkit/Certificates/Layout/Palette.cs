using PdfSharp.Drawing;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// Dark text on white, prints well in black and white; one accent colour only for rules and frames.
/// Muted text stays above 7:1 contrast on white.
/// </summary>
internal static class Palette
{
    public static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    public static readonly XColor Muted = XColor.FromArgb(0x4A, 0x4A, 0x4A);
    public static readonly XColor Rule = XColor.FromArgb(0xB8, 0xB8, 0xB8);
    public static readonly XColor Accent = XColor.FromArgb(0x00, 0x5F, 0x63);
    public static readonly XColor AccentTint = XColor.FromArgb(0xE8, 0xF1, 0xF1);
    public static readonly XColor White = XColors.White;
}
