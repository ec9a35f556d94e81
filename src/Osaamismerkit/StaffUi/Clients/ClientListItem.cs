namespace Osaamismerkit.StaffUi.Clients;

public sealed record ClientListItem(string Id, string DisplayName, string UnitName);
