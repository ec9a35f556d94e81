namespace Osaamismerkit.Catalogue.Artwork;

/// <summary>
/// Fill colour for each DigComp 2.2 competence area. Every colour keeps white at 4.5:1 or more (WCAG AA),
/// and their relative luminances are spread apart so the areas still differ when printed in greyscale.
/// </summary>
public static class AreaPalette
{
    public const int FirstArea = 1;
    public const int LastArea = 5;

    public static string Fill(int area) => area switch
    {
        1 => "#1A4690",
        2 => "#00786A",
        3 => "#4A1D7A",
        4 => "#A8281E",
        5 => "#B85500",
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, "DigComp competence areas are numbered 1 to 5."),
    };
}
