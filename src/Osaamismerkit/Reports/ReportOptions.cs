using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.Reports;

/// <summary>Report export settings (section "Reports").</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    private const string SeparatorRule = "Reports:CsvSeparator must be one character other than a quote or a line break.";

    /// <summary>
    /// The CSV field separator: ";" is what Excel expects with Finnish regional settings. A tab is allowed, so
    /// <see cref="RequiredAttribute"/> must take white space.
    /// </summary>
    [Required(AllowEmptyStrings = true, ErrorMessage = SeparatorRule)]
    [StringLength(1, MinimumLength = 1, ErrorMessage = SeparatorRule)]
    [DeniedValues("\"", "\r", "\n", ErrorMessage = SeparatorRule)]
    public string CsvSeparator { get; set; } = ";";
}
