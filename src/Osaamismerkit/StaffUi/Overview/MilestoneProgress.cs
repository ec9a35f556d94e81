using Osaamismerkit.Catalogue;

namespace Osaamismerkit.StaffUi.Overview;

public sealed record MilestoneProgress(BadgeDefinition Milestone, IReadOnlyList<BadgeDefinition> Done, IReadOnlyList<BadgeDefinition> Missing, bool Earned)
{
    public int Total => Done.Count + Missing.Count;
}
