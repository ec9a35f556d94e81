namespace Osaamismerkit.Reports;

/// <summary>A two-way table of counts after small-cell suppression, with its column totals and grand total in <see cref="Totals"/>.</summary>
public sealed record ReportTable(
    string Key,
    string Title,
    IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<ReportColumn> Measures,
    IReadOnlyList<ReportRow> Rows,
    ReportRow Totals);
