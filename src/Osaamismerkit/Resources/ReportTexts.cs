namespace Osaamismerkit.Resources;

/// <summary>
/// Marker for the baseline and report texts in ReportTexts.resx (fi), ReportTexts.sv.resx and ReportTexts.en.resx:
/// validation messages, report titles, column and row labels, notes and the PDF report's headings.
/// </summary>
public sealed class ReportTexts;
