namespace Osaamismerkit.Resources;

/// <summary>Marker for the texts of the staff web UI: StaffUiTexts.resx (fi), .sv.resx, .en.resx.</summary>
public sealed class StaffUiTexts;
