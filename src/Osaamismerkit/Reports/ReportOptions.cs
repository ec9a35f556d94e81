namespace Osaamismerkit.Reports;

/// <summary>Report export settings (section "Reports").</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>The CSV field separator: ";" is what Excel expects with Finnish regional settings.</summary>
    public string CsvSeparator { get; set; } = ";";
}
