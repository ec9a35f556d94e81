namespace Osaamismerkit.Baseline;

/// <summary>
/// The five DigComp 2.2 competence areas every baseline covers, and the levels an instructor can record:
/// 0 = not yet, 1–4 = DigComp proficiency levels (2 is the basic level, perustaso).
/// </summary>
public static class BaselineAreas
{
    public const int Count = 5;
    public const int NotYet = 0;
    public const int MaxLevel = 4;
    public const int BasicLevel = 2;

    public static readonly IReadOnlyList<int> Numbers = [1, 2, 3, 4, 5];

    public static readonly IReadOnlyList<int> Levels = [0, 1, 2, 3, 4];

    public static bool IsLevel(int? value) => value is >= NotYet and <= MaxLevel;
}
