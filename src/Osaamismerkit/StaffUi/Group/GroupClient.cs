namespace Osaamismerkit.StaffUi.Group;

/// <summary>A client of the instructor's units as the group pages list them.</summary>
public sealed record GroupClient(string Id, string Name, string UnitName);
