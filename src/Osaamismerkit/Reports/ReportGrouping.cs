namespace Osaamismerkit.Reports;

/// <summary>How the rows of a baseline report are grouped.</summary>
public enum ReportGrouping
{
    None,
    Municipality,
    Unit,
    Phase,
    Year,
    Quarter,
}
