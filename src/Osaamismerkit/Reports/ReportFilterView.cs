namespace Osaamismerkit.Reports;

/// <summary>The filters a report was made with, as codes.</summary>
public sealed record ReportFilterView(DateOnly? From, DateOnly To, string? Municipality, string? Unit, string? Track, string GroupBy, string? By);
