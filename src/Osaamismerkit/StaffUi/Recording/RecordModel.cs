using Osaamismerkit.Catalogue;
using Osaamismerkit.StaffUi.Clients;
using Osaamismerkit.StaffUi.Forms;
using Osaamismerkit.StaffUi.Overview;

namespace Osaamismerkit.StaffUi.Recording;

/// <param name="Values">What the form shows: empty when fresh, else what was sent or restored from a draft.</param>
/// <param name="Problem">A problem with the whole assessment (a prerequisite missing, the badge already held), or null.</param>
public sealed record RecordModel(
    string ClientId,
    string ClientName,
    string ClientUnitId,
    BadgeDefinition Badge,
    IReadOnlyList<StaffUnit> Units,
    FormValues Values,
    string Ticket,
    string Today,
    OpenAssessment? Previous,
    bool AlreadyHeld,
    BadgeDefinition? MissingPrerequisite,
    IReadOnlyDictionary<string, string[]> Errors,
    string? Problem = null,
    string? ProblemDetail = null,
    bool Restored = false,
    bool Expired = false)
{
    public bool Fresh => Values.All.Count == 0 || (Values.All.Count == 1 && Values.Has(StaffFormState.DraftField));
}
