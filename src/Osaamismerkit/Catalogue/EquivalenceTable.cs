namespace Osaamismerkit.Catalogue;

/// <summary>
/// How each badge of ours relates to the national digital-skills badges (TIEKE's osaamismerkistö), from
/// badge-definitions/equivalences/tieke-digitaidot.json, so that a county already using those can map them.
/// </summary>
public sealed record EquivalenceTable(
    string Scheme,
    EquivalenceSource Source,
    IReadOnlyDictionary<string, LocalizedText> Relations,
    IReadOnlyList<EquivalenceLevel> Levels,
    IReadOnlyList<EquivalenceBadge> Badges,
    IReadOnlyList<Equivalence> Equivalences)
{
    public Equivalence? For(string badgeId) => Equivalences.FirstOrDefault(e => e.Badge == badgeId);
}
