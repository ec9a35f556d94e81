using System.Globalization;
using Osaamismerkit.Certificates.Layout;
using Osaamismerkit.PublicPages;
using PdfSharp.Drawing;

namespace Osaamismerkit.Reports;

/// <summary>
/// A report as an A4 PDF for a steering group: per table a bar chart of the published totals and the table itself.
/// Bars are drawn in absolute counts from published figures only, so a hidden "&lt;5" can never be read off a bar.
/// </summary>
public sealed class ReportPdf(CertificateFonts fonts)
{
    private const float ChartHeight = 120;
    private const float RowHeight = 15;

    public byte[] Write(Report report, string language, Func<string, string> text, Func<string, object[], string> format)
    {
        var pages = new PdfPages(fonts, text, format);
        pages.Introduction(report);
        pages.Flow.Space(8);
        if (report.Tables.All(t => t.Rows.Count == 0))
        {
            pages.Block(pages.Body, text("PdfNoData"), "P");
        }

        foreach (var table in report.Tables.Where(t => t.Rows.Count > 0))
        {
            pages.Table(table);
            pages.Flow.Space(18);
        }

        pages.Number();
        using var output = new MemoryStream();
        PdfOutput.Write(
            output,
            new PdfInfo(report.Title, "Siun sote", text("PdfKicker"), "DigComp 2.2, Open Badges", language, report.GeneratedAt),
            pages.Flow.Pages);
        return output.ToArray();
    }

    /// <summary>Vertical bars of the table's column totals; a hidden total gets no bar, only its "&lt;5" label.</summary>
    /// <remarks>Drawn inside a figure whose alternative text lists the same totals; the table below carries them too.</remarks>
    private static void DrawChart(
        PdfCanvas canvas, ReportTable table, float left, float top, float width, TextStyle label, TextStyle small, string suppressed, CultureInfo culture)
    {
        var totals = table.Totals.Cells;
        var max = Math.Max(1, totals.Max(c => c.Count ?? 0));
        var slot = width / totals.Count;
        var barWidth = Math.Min(48, slot * 0.6f);
        var baseline = top + ChartHeight;
        canvas.FillRectangle(new XRect(left, baseline - 0.4f, width, 0.8f), Palette.Rule);
        for (var i = 0; i < totals.Count; i++)
        {
            var x = left + i * slot + (slot - barWidth) / 2;
            var value = totals[i];
            var height = value.Count is { } n ? (ChartHeight - 14) * n / max : 0;
            if (height > 0)
            {
                canvas.FillRectangle(new XRect(x, baseline - height, barWidth, height), Palette.Accent);
            }

            // Grouped as the language writes it: "1 200" with a no-break space in Finnish and Swedish, "1,200" in English.
            var caption = TextBlock.Create(label, Caption(value, suppressed, culture), slot);
            caption.Draw(canvas, left + i * slot, baseline - height - caption.Height, TextAlignment.Center, slot);
            var name = TextBlock.Create(small, Shorten(small, table.Columns[i].Label, slot - 2), slot - 2);
            name.Draw(canvas, left + i * slot + 1, baseline + 3, TextAlignment.Center, slot - 2);
        }
    }

    private static string Caption(ReportCell value, string suppressed, CultureInfo culture) =>
        value.Suppressed ? (value.Small ? suppressed : "x") : value.Count!.Value.ToString("N0", culture);

    private static string Shorten(TextStyle style, string text, float width)
    {
        if (style.Face.Measure(text, style.Size) <= width)
        {
            return text;
        }

        var shortened = text;
        while (shortened.Length > 1 && style.Face.Measure(shortened + "…", style.Size) > width)
        {
            shortened = shortened[..^1];
        }

        return shortened.TrimEnd() + "…";
    }

    /// <summary>The report's pages as they are laid out: the text styles, the flow down the pages and the words.</summary>
    private sealed class PdfPages(CertificateFonts fonts, Func<string, string> text, Func<string, object[], string> format)
    {
        private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(text("Culture"));
        private readonly TextStyle _title = new(fonts.Bold, 18, Palette.Ink);
        private readonly TextStyle _heading = new(fonts.Bold, 12, Palette.Ink);
        private readonly TextStyle _small = new(fonts.Regular, 7.5f, Palette.Muted);
        private readonly TextStyle _cell = new(fonts.Regular, 8, Palette.Ink);
        private readonly TextStyle _cellBold = new(fonts.Bold, 8, Palette.Ink);
        private readonly float _left = Paper.ContentLeft;
        private readonly float _width = Paper.ContentWidth;

        public TextStyle Body { get; } = new(fonts.Regular, 9, Palette.Ink);

        public Flow Flow { get; } = new(_ => Paper.Margin, _ => Paper.Height - Paper.Margin - 14);

        public void Block(TextStyle style, string content, string tag, float after = 4)
        {
            var block = TextBlock.Create(style, content, _width);
            Flow.Ensure(block.Height);
            var y = Flow.Y;
            Flow.Page.Add(canvas => canvas.Tagged(tag, () => block.Draw(canvas, _left, y)));
            Flow.Y += block.Height + after;
        }

        /// <summary>What the report is, for which period and filters, when it was made, and its notes.</summary>
        public void Introduction(Report report)
        {
            Block(_small, text("PdfKicker"), "P", 2);
            Block(_title, report.Title, "H1", 6);
            Block(Body, report.Filter.From is { } from
                ? format("PdfPeriod", [Date(from), Date(report.Filter.To)])
                : format("PdfPeriodOpen", [Date(report.Filter.To)]), "P", 2);
            var filters = report.FilterNames;
            Block(Body, format("PdfFilters", [filters.Count == 0 ? text("PdfNoFilters") : string.Join(", ", filters)]), "P", 2);
            Block(_small, format("PdfGenerated", [PublicPages.HelsinkiTime.Of(report.GeneratedAt).ToString("d.M.yyyy HH:mm", _culture)]), "P", 8);
            foreach (var note in report.Notes)
            {
                Block(_small, note, "P", 2);
            }
        }

        /// <summary>The table's heading and chart kept together, then its rows, the header repeated on each new page.</summary>
        public void Table(ReportTable table)
        {
            var tableHeading = TextBlock.Create(_heading, table.Title, _width);
            Flow.Ensure(tableHeading.Height + ChartHeight + 40);
            var headingY = Flow.Y;
            Flow.Page.Add(canvas => canvas.Tagged("H2", () => tableHeading.Draw(canvas, _left, headingY)));
            Flow.Y += tableHeading.Height + 6;

            var chartY = Flow.Y;
            var chartBox = new XRect(_left, chartY, _width, ChartHeight + 26);
            var chartText = format("PdfChartAlt", [string.Join("; ", table.Columns.Select((c, i) => $"{c.Label}: {Caption(table.Totals.Cells[i], text("Suppressed"), _culture)}"))]);
            Flow.Page.Add(canvas => canvas.Figure(chartText, chartBox, () => DrawChart(canvas, table, _left, chartY, _width, _cell, _small, text("Suppressed"), _culture)));
            Flow.Y += ChartHeight + 26;

            var labelWidth = _width * 0.30f;
            var columns = new TableColumns(labelWidth, (_width - labelWidth) / (table.Columns.Count + 1 + table.Measures.Count));
            var headers = table.Columns.Select(c => c.Label).Append(text("Total")).Concat(table.Measures.Select(m => m.Label))
                .Select(h => TextBlock.Create(_small, h, columns.Width - 4)).ToList();
            var headerHeight = headers.Max(h => h.Height) + 4;
            Flow.Ensure(headerHeight + RowHeight * 2);
            Flow.Page.Add(canvas => canvas.Begin("Table"));
            Header(headers, headerHeight, columns, repeated: false);
            foreach (var row in table.Rows.Append(table.Totals))
            {
                if (Flow.Y + RowHeight > Flow.Bottom)
                {
                    Flow.NewPage();
                    Header(headers, headerHeight, columns, repeated: true);
                }

                Row(row, row == table.Totals, columns);
            }

            Flow.Page.Add(canvas => canvas.End());
        }

        /// <summary>"Page n / m" at the foot of every page, once the number of pages is known.</summary>
        public void Number()
        {
            var pages = Flow.Pages;
            for (var i = 0; i < pages.Count; i++)
            {
                var footer = TextBlock.Create(_small, format("PdfPage", [i + 1, pages.Count]), _width);
                pages[i].Add(canvas => canvas.Artifact(() => footer.Draw(canvas, _left, Paper.Height - Paper.Margin, TextAlignment.Right, _width)));
            }
        }

        private string Date(DateOnly date) => date.ToString(text("DateFormat"), _culture);

        /// <summary>The column headers; repeated on a new page, they are page furniture and the first row stays the header.</summary>
        private void Header(List<TextBlock> headers, float headerHeight, TableColumns columns, bool repeated)
        {
            var y = Flow.Y;
            Flow.Page.Add(canvas =>
            {
                void Draw(int i) => headers[i].Draw(canvas, _left + columns.Label + i * columns.Width, y, TextAlignment.Right, columns.Width - 4);
                if (repeated)
                {
                    canvas.Artifact(() => Enumerable.Range(0, headers.Count).ToList().ForEach(Draw));
                }
                else
                {
                    canvas.Begin("TR");
                    canvas.HeaderCell("Column", () => { });
                    for (var i = 0; i < headers.Count; i++)
                    {
                        var column = i;
                        canvas.HeaderCell("Column", () => Draw(column));
                    }

                    canvas.End();
                }

                canvas.Rule(_left, y + headerHeight - 1, _left + _width, Palette.Rule, 0.8f);
            });
            Flow.Y += headerHeight;
        }

        private void Row(ReportRow row, bool isTotal, TableColumns columns)
        {
            var style = isTotal ? _cellBold : _cell;
            var label = TextBlock.Create(style, Shorten(style, row.Label, columns.Label - 4), columns.Label - 4);
            var values = row.Cells.Append(row.Total).Select(c => c.Suppressed ? text(c.Small ? "Suppressed" : "Complement") : c.Count!.Value.ToString("N0", _culture))
                .Concat(row.Measures.Select(m => m is { } v ? v.ToString("0.#", _culture) : "–"))
                .Select(v => TextBlock.Create(style, v, columns.Width - 4)).ToList();
            var y = Flow.Y;
            Flow.Page.Add(canvas =>
            {
                canvas.Begin("TR");
                canvas.HeaderCell("Row", () => label.Draw(canvas, _left, y));
                for (var i = 0; i < values.Count; i++)
                {
                    var column = i;
                    canvas.Tagged("TD", () => values[column].Draw(canvas, _left + columns.Label + column * columns.Width, y, TextAlignment.Right, columns.Width - 4));
                }

                canvas.End();
                canvas.Rule(_left, y + RowHeight - 1, _left + _width, Palette.Rule, isTotal ? 0.8f : 0.3f);
            });
            Flow.Y += RowHeight;
        }

        /// <summary>The _width of the label column and of each count or measure column.</summary>
        private readonly record struct TableColumns(float Label, float Width);
    }
}
