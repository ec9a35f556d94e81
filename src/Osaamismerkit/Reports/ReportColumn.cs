namespace Osaamismerkit.Reports;

public sealed record ReportColumn(string Key, string Label);
