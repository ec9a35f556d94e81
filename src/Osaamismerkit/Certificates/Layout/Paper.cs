namespace Osaamismerkit.Certificates.Layout;

/// <summary>A4 portrait in PDF points (1/72 inch), with margins that every office printer can reach.</summary>
internal static class Paper
{
    public const float Width = 595.2756f;
    public const float Height = 841.8898f;

    public static readonly float Margin = Mm(18);

    public static float ContentLeft => Margin;

    public static float ContentRight => Width - Margin;

    public static float ContentWidth => Width - 2 * Margin;

    public static float Mm(float millimetres) => millimetres * 72f / 25.4f;
}
