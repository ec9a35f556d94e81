namespace Osaamismerkit.Catalogue;

/// <summary>A DigComp 3.0 alignment in one language: the competence, the badge's proficiency and the outcome codes it covers.</summary>
public sealed record DigComp3AlignmentView(
    string Framework,
    string Code,
    string Name,
    int Area,
    string AreaName,
    string Proficiency,
    string ProficiencyName,
    int EightLevel,
    IReadOnlyList<string> LearningOutcomes,
    string TargetUrl);
