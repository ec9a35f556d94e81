using System.Globalization;
using CsvHelper;

namespace Osaamismerkit.Reports;

/// <summary>
/// A report as CSV in long form — one line per table, row and column — so that it opens straight into Excel (UTF-8
/// with a byte order mark, ";" by default) and pivots without reshaping. Hidden figures are written as "&lt;5" or "x" (see <see cref="ReportCell"/>).
/// </summary>
public static class ReportCsv
{
    public static byte[] Write(Report report, string separator, string culture, Func<string, string> text)
    {
        var format = CultureInfo.GetCultureInfo(culture);
        using var buffer = new MemoryStream();
        var options = new CsvWriterOptions
        {
            Separator = separator[0],
            WriteByteOrderMark = true,
            // Unit names come from admins: a name starting with "=" must not run as a formula in Excel.
            Injection = CsvInjection.Escape,
        };
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteRecord([text("CsvReport"), text("CsvTable"), text("CsvRow"), text("CsvColumn"), text("CsvValue")]);
            foreach (var table in report.Tables)
            {
                foreach (var row in table.Rows.Append(table.Totals))
                {
                    void Line(string column, string value) => csv.WriteRecord([report.Title, table.Title, row.Label, column, value]);

                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        Line(table.Columns[c].Label, Value(row.Cells[c], text));
                    }

                    Line(text("Total"), Value(row.Total, text));
                    for (var m = 0; m < table.Measures.Count; m++)
                    {
                        Line(table.Measures[m].Label, row.Measures[m] is { } measure ? measure.ToString("0.##", format) : string.Empty);
                    }
                }
            }
        }

        return buffer.ToArray();
    }

    private static string Value(ReportCell cell, Func<string, string> text) =>
        cell.Suppressed ? text(cell.Small ? "Suppressed" : "Complement") : cell.Count!.Value.ToString(CultureInfo.InvariantCulture);
}
