namespace Osaamismerkit.StaffUi.Clients;

public sealed record StaffUnit(string Id, string Name);
