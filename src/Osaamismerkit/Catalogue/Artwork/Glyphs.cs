namespace Osaamismerkit.Catalogue.Artwork;

/// <summary>
/// Badge glyphs as SVG path data on a 100 × 100 grid, filled with the non-zero rule:
/// solid parts wind clockwise and cut-outs counter-clockwise.
/// </summary>
public static class Glyphs
{
    private const string Device =
        "M36 6 H64 A10 10 0 0 1 74 16 V84 A10 10 0 0 1 64 94 H36 A10 10 0 0 1 26 84 V16 A10 10 0 0 1 36 6Z M34 16 A2 2 0 0 0 32 18 V74 A2 2 0 0 0 34 76 H66 A2 2 0 0 0 68 74 V18 A2 2 0 0 0 66 16Z M45.5 85 A4.5 4.5 0 1 0 54.5 85 A4.5 4.5 0 1 0 45.5 85Z";

    private const string IdCard =
        "M13 18 H87 A9 9 0 0 1 96 27 V73 A9 9 0 0 1 87 82 H13 A9 9 0 0 1 4 73 V27 A9 9 0 0 1 13 18Z M20.5 40 A9.5 9.5 0 1 0 39.5 40 A9.5 9.5 0 1 0 20.5 40Z M47 72 V68 A17 15 0 0 0 13 68 V72Z M56 34 A2 2 0 0 0 54 36 V40 A2 2 0 0 0 56 42 H84 A2 2 0 0 0 86 40 V36 A2 2 0 0 0 84 34Z M56 48 A2 2 0 0 0 54 50 V54 A2 2 0 0 0 56 56 H84 A2 2 0 0 0 86 54 V50 A2 2 0 0 0 84 48Z M56 62 A2 2 0 0 0 54 64 V68 A2 2 0 0 0 56 70 H74 A2 2 0 0 0 76 68 V64 A2 2 0 0 0 74 62Z";

    private const string Envelope =
        "M14 20 H86 A8 8 0 0 1 94 28 V72 A8 8 0 0 1 86 80 H14 A8 8 0 0 1 6 72 V28 A8 8 0 0 1 14 20Z M14 36 L50 62 L86 36 L86 27 L50 53 L14 27Z";

    private const string Building =
        "M50 5 L95 29 L5 29Z M45.5 20 A4.5 4.5 0 1 0 54.5 20 A4.5 4.5 0 1 0 45.5 20Z M10 33 H90 A1 1 0 0 1 91 34 V39 A1 1 0 0 1 90 40 H10 A1 1 0 0 1 9 39 V34 A1 1 0 0 1 10 33Z M16 44 H26 A1 1 0 0 1 27 45 V73 A1 1 0 0 1 26 74 H16 A1 1 0 0 1 15 73 V45 A1 1 0 0 1 16 44Z M35 44 H45 A1 1 0 0 1 46 45 V73 A1 1 0 0 1 45 74 H35 A1 1 0 0 1 34 73 V45 A1 1 0 0 1 35 44Z M55 44 H65 A1 1 0 0 1 66 45 V73 A1 1 0 0 1 65 74 H55 A1 1 0 0 1 54 73 V45 A1 1 0 0 1 55 44Z M74 44 H84 A1 1 0 0 1 85 45 V73 A1 1 0 0 1 84 74 H74 A1 1 0 0 1 73 73 V45 A1 1 0 0 1 74 44Z M10 78 H90 A1 1 0 0 1 91 79 V84 A1 1 0 0 1 90 85 H10 A1 1 0 0 1 9 84 V79 A1 1 0 0 1 10 78Z M5 89 H95 A1 1 0 0 1 96 90 V94 A1 1 0 0 1 95 95 H5 A1 1 0 0 1 4 94 V90 A1 1 0 0 1 5 89Z";

    private const string Magnifier =
        "M9.7 41.7 A32 32 0 1 1 73.7 41.7 A32 32 0 1 1 9.7 41.7Z M20.7 41.7 A21 21 0 1 0 62.7 41.7 A21 21 0 1 0 20.7 41.7Z M64.68 54.07 L88.02 77.41 A7.5 7.5 0 0 1 77.41 88.02 L54.07 64.68Z";

    private const string Shield =
        "M50 5 L88 18 V46 C88 70 72 86 50 95 C28 86 12 70 12 46 V18Z M45 67 L73 39 L66 32 L45 53 L35 43 L28 50Z";

    private const string Heart =
        "M50 89 L15 54 C4 43 5 25 18 17 C30 10 44 15 50 26 C56 15 70 10 82 17 C95 25 96 43 85 54Z";

    private const string Wrench =
        "M86.4 24.91 A25 25 0 1 1 75.09 13.6 L59.05 29.64 L70.36 40.95Z M62.94 49.08 L26.17 85.85 A8.5 8.5 0 0 1 14.15 73.83 L50.92 37.06Z M16.66 79.84 A3.5 3.5 0 1 0 23.66 79.84 A3.5 3.5 0 1 0 16.66 79.84Z";

    private const string Video =
        "M14 27 H58 A9 9 0 0 1 67 36 V64 A9 9 0 0 1 58 73 H14 A9 9 0 0 1 5 64 V36 A9 9 0 0 1 14 27Z M72 43 L95 29 L95 71 L72 57Z";

    private const string Document =
        "M17 5 L55 5 L55 32 L83 32 L83 95 L17 95Z M61 5 L83 27 L61 27Z M29.5 45 A1.5 1.5 0 0 0 28 46.5 V50.5 A1.5 1.5 0 0 0 29.5 52 H70.5 A1.5 1.5 0 0 0 72 50.5 V46.5 A1.5 1.5 0 0 0 70.5 45Z M29.5 59 A1.5 1.5 0 0 0 28 60.5 V64.5 A1.5 1.5 0 0 0 29.5 66 H70.5 A1.5 1.5 0 0 0 72 64.5 V60.5 A1.5 1.5 0 0 0 70.5 59Z M29.5 73 A1.5 1.5 0 0 0 28 74.5 V78.5 A1.5 1.5 0 0 0 29.5 80 H56.5 A1.5 1.5 0 0 0 58 78.5 V74.5 A1.5 1.5 0 0 0 56.5 73Z";

    private const string Briefcase =
        "M34 33 V20 A6 6 0 0 1 40 14 H60 A6 6 0 0 1 66 20 V33 H59 V21 H41 V33Z M14 30 H86 A8 8 0 0 1 94 38 V52 H6 V38 A8 8 0 0 1 14 30Z M6 58 H94 V80 A8 8 0 0 1 86 88 H14 A8 8 0 0 1 6 80 V58Z M45 46 H55 A2 2 0 0 1 57 48 V61 A2 2 0 0 1 55 63 H45 A2 2 0 0 1 43 61 V48 A2 2 0 0 1 45 46Z";

    private const string Chat =
        "M15 8 H55 A10 10 0 0 1 65 18 V31 H47 A16 16 0 0 0 31 47 V50 H25 L12 62 L14 50 A9 9 0 0 1 5 41 V18 A10 10 0 0 1 15 8Z M47 37 H85 A10 10 0 0 1 95 47 V70 A10 10 0 0 1 85 80 L89 92 L74 80 H47 A10 10 0 0 1 37 70 V47 A10 10 0 0 1 47 37Z M48.5 58.5 A4.5 4.5 0 1 0 57.5 58.5 A4.5 4.5 0 1 0 48.5 58.5Z M61.5 58.5 A4.5 4.5 0 1 0 70.5 58.5 A4.5 4.5 0 1 0 61.5 58.5Z M74.5 58.5 A4.5 4.5 0 1 0 83.5 58.5 A4.5 4.5 0 1 0 74.5 58.5Z";

    private const string Lock =
        "M24 44 V32 A26 26 0 0 1 76 32 V44 H65 V32 A15 15 0 0 0 35 32 V44Z M24 42 H76 A9 9 0 0 1 85 51 V86 A9 9 0 0 1 76 95 H24 A9 9 0 0 1 15 86 V51 A9 9 0 0 1 24 42Z M54 72.93 A8 8 0 1 0 46 72.93 L43.5 84 H56.5Z";

    private const string Cloud =
        "M25.5 81 A19 19 0 0 1 22.56 43.23 A28 28 0 0 1 78.5 45.25 A18 18 0 0 1 75.5 81Z";

    private const string Star =
        "M50 6 L61.17 37.63 L94.7 38.48 L68.07 58.87 L77.63 91.02 L50 72 L22.37 91.02 L31.93 58.87 L5.3 38.48 L38.83 37.63Z";

    // A large four-pointed spark and a small one: the sign many AI assistants use, so a client recognises it.
    private const string Sparkle =
        "M46 8 C49 36 58 45 90 50 C58 55 49 64 46 92 C43 64 34 55 6 50 C34 45 43 36 46 8Z M82 6 C83 14 86 17 94 18 C86 19 83 22 82 30 C81 22 78 19 70 18 C78 17 81 14 82 6Z";

    public static IReadOnlyList<string> Names { get; } =
    [
        "device",
        "id-card",
        "envelope",
        "building",
        "magnifier",
        "shield",
        "heart",
        "wrench",
        "video",
        "document",
        "briefcase",
        "chat",
        "lock",
        "cloud",
        "star",
        "sparkle",
    ];

    public static string PathData(string glyph)
    {
        ArgumentNullException.ThrowIfNull(glyph);
        return glyph switch
        {
            "device" => Device,
            "id-card" => IdCard,
            "envelope" => Envelope,
            "building" => Building,
            "magnifier" => Magnifier,
            "shield" => Shield,
            "heart" => Heart,
            "wrench" => Wrench,
            "video" => Video,
            "document" => Document,
            "briefcase" => Briefcase,
            "chat" => Chat,
            "lock" => Lock,
            "cloud" => Cloud,
            "star" => Star,
            "sparkle" => Sparkle,
            _ => throw new ArgumentException($"Unknown badge glyph '{glyph}'.", nameof(glyph)),
        };
    }
}
