using Osaamismerkit.Catalogue;

namespace Osaamismerkit.StaffUi.Group;

/// <summary>The first step of a group demonstration: which badge, and which of the instructor's clients took part.</summary>
public sealed record GroupChooseModel(
    IReadOnlyList<BadgeDefinition> Badges,
    IReadOnlyList<GroupClient> Clients,
    string? BadgeId,
    IReadOnlySet<string> Chosen,
    bool HasUnits,
    IReadOnlyDictionary<string, string[]> Errors);
