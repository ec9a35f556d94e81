namespace Osaamismerkit.Catalogue;

/// <summary>A badge definition in one language, as the catalogue API returns it.</summary>
public sealed record BadgeView(
    string Id,
    string Version,
    string Kind,
    string Track,
    string? Skill,
    int Level,
    string LevelName,
    string LevelDescription,
    bool BasicLevel,
    string Language,
    string Name,
    string Description,
    IReadOnlyList<CriterionView> Criteria,
    IReadOnlyList<AlignmentView> Alignment,
    IReadOnlyList<DigComp3AlignmentView> DigComp3Alignment,
    IReadOnlyList<string> Prerequisites,
    IReadOnlyList<string> Parts,
    IReadOnlyList<string> Tags,
    int? ValidityMonths,
    string ImagePng,
    string ImageSvg);
