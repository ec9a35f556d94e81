namespace Osaamismerkit.Catalogue;

/// <summary>DigComp 2.2 reference data from badge-definitions/frameworks/digcomp-2.2.json.</summary>
public sealed record DigCompFramework(
    string Framework,
    string TargetUrl,
    IReadOnlyList<DigCompArea> Areas,
    IReadOnlyList<ProficiencyLevel> ProficiencyLevels)
{
    public DigCompCompetence? FindCompetence(string code) =>
        Areas.SelectMany(a => a.Competences).FirstOrDefault(c => c.Code == code);

    public DigCompArea? FindArea(int number) => Areas.FirstOrDefault(a => a.Number == number);

    public ProficiencyLevel? FindLevel(int level) => ProficiencyLevels.FirstOrDefault(l => l.Level == level);
}
