namespace Osaamismerkit.Reports;

/// <summary>An aggregated report for project staff: tables of counts of clients, never a client's name or id.</summary>
public sealed record Report(
    string Kind,
    string Title,
    ReportFilterView Filter,
    IReadOnlyList<string> FilterNames,
    DateTimeOffset GeneratedAt,
    int Threshold,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<string> Notes);
