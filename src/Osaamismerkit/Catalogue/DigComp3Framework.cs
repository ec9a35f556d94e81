namespace Osaamismerkit.Catalogue;

/// <summary>
/// DigComp 3.0 reference data from badge-definitions/frameworks/digcomp-3.0.json: the framework's codes (competences,
/// learning outcomes, proficiency levels) with names in our own wording. The codes live in data, not in code, so that a
/// corrected code needs a data change only.
/// </summary>
public sealed record DigComp3Framework(
    string Framework,
    string TargetUrl,
    FrameworkSource Source,
    IReadOnlyList<DigComp3Area> Areas,
    IReadOnlyList<DigComp3Proficiency> ProficiencyLevels,
    IReadOnlyList<DigComp3EightLevel> EightLevels)
{
    public DigComp3Competence? FindCompetence(string code) =>
        Areas.SelectMany(a => a.Competences).FirstOrDefault(c => c.Code == code);

    public DigComp3Area? FindArea(int number) => Areas.FirstOrDefault(a => a.Number == number);

    /// <summary>The four-level proficiency (basic, intermediate, …) that one of the eight finer levels belongs to.</summary>
    public DigComp3Proficiency? ProficiencyOf(int eightLevel) =>
        EightLevels.FirstOrDefault(l => l.Level == eightLevel) is { } level
            ? ProficiencyLevels.FirstOrDefault(p => p.Key == level.Proficiency)
            : null;

    public DigComp3EightLevel? FindEightLevel(int level) => EightLevels.FirstOrDefault(l => l.Level == level);

    /// <summary>0 for basic, 1 for intermediate, …: the order of the four levels as the file lists them.</summary>
    public int RankOf(string proficiencyKey) => ProficiencyLevels.ToList().FindIndex(p => p.Key == proficiencyKey);
}
