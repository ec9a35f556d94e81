using Osaamismerkit.StaffUi.Clients;
using Osaamismerkit.StaffUi.Forms;

namespace Osaamismerkit.StaffUi.Baselines;

/// <summary>The baseline form: one client, the instructor's units, and the five DigComp areas with their names.</summary>
public sealed record BaselineModel(
    string ClientId,
    string ClientName,
    string ClientUnitId,
    IReadOnlyList<StaffUnit> Units,
    IReadOnlyList<(int Number, string Name)> Areas,
    string Today,
    FormValues Values,
    string Ticket,
    IReadOnlyDictionary<string, string[]> Errors,
    bool Restored = false,
    bool Expired = false);
