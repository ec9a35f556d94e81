namespace Osaamismerkit.Reports;

/// <summary>One group of a table: its counts per column, its total, and its measures (shares, means, medians) in the table's order.</summary>
public sealed record ReportRow(string Key, string Label, IReadOnlyList<ReportCell> Cells, ReportCell Total, IReadOnlyList<double?> Measures);
