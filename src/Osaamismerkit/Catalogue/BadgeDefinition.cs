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
    int? ValidityMonths = null,
    IReadOnlyList<DigComp3Reference>? DigComp3Alignment = null)
{
    public IReadOnlyList<string> PrerequisiteIds => Prerequisites ?? [];

    public IReadOnlyList<string> PartIds => Parts ?? [];

    /// <summary>Empty only for versions recorded before the catalogue aligned to DigComp 3.0; the schema requires it now.</summary>
    public IReadOnlyList<DigComp3Reference> DigComp3 => DigComp3Alignment ?? [];

    /// <summary>The colour of the badge comes from the area of its first, most characteristic competence.</summary>
    public int PrimaryArea => Alignment[0].Area;

    /// <summary>DigComp level 2 (foundation, on one's own) is the basic level, perustaso.</summary>
    public bool IsBasicLevel => Level == 2;

    /// <summary>DigComp level 1 (foundation, with guidance): first steps, below the basic level.</summary>
    public bool IsFirstSteps => Level == 1;
}
