namespace Osaamismerkit.Catalogue;

/// <summary>The loaded, validated badge catalogue. Immutable for the life of the process.</summary>
public sealed class BadgeCatalogue
{
    private readonly Dictionary<string, BadgeDefinition> _byId;

    public BadgeCatalogue(DigCompFramework digComp, DigComp3Framework digComp3, IEnumerable<BadgeDefinition> badges, EquivalenceTable? equivalences = null)
    {
        DigComp = digComp;
        DigComp3 = digComp3;
        Equivalences = equivalences;
        Badges = badges
            .OrderBy(b => b.Track)
            .ThenBy(b => b.Kind == BadgeKind.Milestone ? 0 : 1)
            .ThenBy(b => b.PrimaryArea)
            .ThenBy(b => b.Skill, StringComparer.Ordinal)
            .ThenBy(b => b.Level)
            .ThenBy(b => b.Id, StringComparer.Ordinal)
            .ToList();
        _byId = Badges.ToDictionary(b => b.Id, StringComparer.Ordinal);
    }

    public DigCompFramework DigComp { get; }

    public DigComp3Framework DigComp3 { get; }

    /// <summary>The table to the national digital-skills badges, if the catalogue folder has one.</summary>
    public EquivalenceTable? Equivalences { get; }

    public IReadOnlyList<BadgeDefinition> Badges { get; }

    public BadgeDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Milestones that list the badge among their parts.</summary>
    public IEnumerable<BadgeDefinition> MilestonesContaining(string badgeId) =>
        Badges.Where(b => b.Kind == BadgeKind.Milestone && b.PartIds.Contains(badgeId, StringComparer.Ordinal));
}
