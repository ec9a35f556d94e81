using Osaamismerkit.StaffUi.Forms;
using Osaamismerkit.StaffUi.Overview;

namespace Osaamismerkit.StaffUi.Revoking;

public sealed record RevokeModel(
    string ClientId, string ClientName, HeldBadge Badge, FormValues Values, string Ticket, IReadOnlyDictionary<string, string[]> Errors,
    bool Restored = false, bool Expired = false);
