using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;

namespace Osaamismerkit.StaffUi.Overview;

public sealed record ClientOverview(
    ClientRow Client,
    string UnitName,
    bool HasContact,
    bool ContactUnreadable,
    IReadOnlyList<HeldBadge> Badges,
    IReadOnlyList<OpenAssessment> Open,
    IReadOnlyList<BadgeDefinition> NextLevel,
    IReadOnlyList<MilestoneProgress> Milestones,
    DateTimeOffset? WalletLinkSince)
{
    public IEnumerable<HeldBadge> Valid => Badges.Where(b => b.Status == Issuing.AssertionStatus.Valid);
}
