namespace Osaamismerkit.StaffUi;

/// <summary>Endpoint metadata: the staff start page, which sends project staff on to the reports.</summary>
public sealed class StaffHomeMarker;
