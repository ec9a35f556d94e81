using Osaamismerkit.StaffUi.Forms;

namespace Osaamismerkit.StaffUi.Clients;

public sealed record NewClientModel(
    IReadOnlyList<StaffUnit> Units,
    IReadOnlyList<Municipality> Municipalities,
    FormValues Values,
    string Ticket,
    IReadOnlyDictionary<string, string[]> Errors,
    bool Restored = false,
    bool Expired = false);
