using Osaamismerkit.Catalogue;
using Osaamismerkit.StaffUi.Clients;
using Osaamismerkit.StaffUi.Forms;

namespace Osaamismerkit.StaffUi.Group;

/// <param name="Errors">Errors by field as the fields show them: shared ones by name, a client's with the client id after a hyphen.</param>
/// <param name="Summary">The same errors for the summary at the top, a client's named with the client.</param>
/// <param name="Copied">The shared statement and ticks were just copied to the clients who had none.</param>
public sealed record GroupFormModel(
    BadgeDefinition Badge,
    IReadOnlyList<GroupClient> Members,
    IReadOnlyList<StaffUnit> Units,
    FormValues Values,
    string Ticket,
    string Today,
    IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyDictionary<string, string[]> Summary,
    string? Problem = null,
    string? ProblemDetail = null,
    bool Restored = false,
    bool Expired = false,
    bool Copied = false);
