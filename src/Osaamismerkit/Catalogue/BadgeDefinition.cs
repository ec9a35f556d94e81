namespace Osaamismerkit.Catalogue;

/// <summary>One badge of the catalogue, as written in badge-definitions/*.json.</summary>
public sealed record BadgeDefinition(
    string Id,
    string Version,
    BadgeKind Kind,
    Track Track,
    string? Skill,
    int Level,
    LocalizedText Name,
    LocalizedText Description,
    IReadOnlyList<Criterion> Criteria,
    IReadOnlyList<CompetenceReference> Alignment,
    IReadOnlyList<string> Tags,
    ArtworkParameters Artwork,
    IReadOnlyList<string>? Prerequisites = null,
    IReadOnlyList<string>? Parts = null,
    int? ValidityMonths = null)
{
    public IReadOnlyList<string> PrerequisiteIds => Prerequisites ?? [];

    public IReadOnlyList<string> PartIds => Parts ?? [];

    /// <summary>The colour of the badge comes from the area of its first, most characteristic competence.</summary>
    public int PrimaryArea => Alignment[0].Area;

    /// <summary>DigComp level 2 (foundation, on one's own) is the basic level, perustaso.</summary>
    public bool IsBasicLevel => Level == 2;
}
