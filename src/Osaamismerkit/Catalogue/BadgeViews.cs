using System.Text.Json;

namespace Osaamismerkit.Catalogue;

public static class BadgeViews
{
    public static BadgeView Of(BadgeDefinition b, BadgeCatalogue catalogue, string language, Func<string, string> absolute)
    {
        var level = catalogue.DigComp.FindLevel(b.Level);
        return new BadgeView(
            b.Id,
            b.Version,
            JsonNamingPolicy.CamelCase.ConvertName(b.Kind.ToString()),
            b.Track == Track.Citizen ? "citizen" : "worklife",
            b.Skill,
            b.Level,
            level?.Name.In(language) ?? string.Empty,
            level?.Description.In(language) ?? string.Empty,
            b.IsBasicLevel,
            language,
            b.Name.In(language),
            b.Description.In(language),
            b.Criteria.Select(c => new CriterionView(c.Id, c.Required, c.Text.In(language))).ToList(),
            Alignments(b, catalogue.DigComp, language),
            DigComp3Alignments(b, catalogue.DigComp3, language),
            b.PrerequisiteIds,
            b.PartIds,
            b.Tags,
            b.ValidityMonths,
            absolute($"/badges/{b.Id}/image.png"),
            absolute($"/badges/{b.Id}/image.svg"));
    }

    public static IReadOnlyList<AlignmentView> Alignments(BadgeDefinition b, DigCompFramework digComp, string language) =>
        b.Alignment.Select(a => new AlignmentView(
                digComp.Framework,
                a.Competence,
                digComp.FindCompetence(a.Competence)!.Name.In(language),
                a.Area,
                digComp.FindArea(a.Area)!.Name.In(language),
                digComp.TargetUrl))
            .ToList();

    /// <summary>The badge's DigComp 3.0 alignments; empty for a version recorded before the catalogue had them.</summary>
    public static IReadOnlyList<DigComp3AlignmentView> DigComp3Alignments(BadgeDefinition b, DigComp3Framework digComp3, string language)
    {
        var proficiency = digComp3.ProficiencyOf(b.Level);
        return b.DigComp3.Select(a => new DigComp3AlignmentView(
                digComp3.Framework,
                a.Competence,
                digComp3.FindCompetence(a.Competence)?.Name.In(language) ?? a.Competence,
                a.Area,
                digComp3.FindArea(a.Area)?.Name.In(language) ?? string.Empty,
                proficiency?.Key ?? string.Empty,
                proficiency?.Name.In(language) ?? string.Empty,
                b.Level,
                a.LearningOutcomes,
                digComp3.TargetUrl))
            .ToList();
    }
}
