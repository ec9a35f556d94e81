namespace Osaamismerkit.StaffUi;

/// <summary>Endpoint metadata: a staff web page, answered with pages rather than bare status codes.</summary>
public sealed class StaffPageMarker;
