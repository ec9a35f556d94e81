using System.Globalization;
using Osaamismerkit.Certificates.Layout;
using SkiaSharp;

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
        var culture = CultureInfo.GetCultureInfo(text("Culture"));
        var title = new TextStyle(fonts.Bold, 18, Palette.Ink);
        var heading = new TextStyle(fonts.Bold, 12, Palette.Ink);
        var body = new TextStyle(fonts.Regular, 9, Palette.Ink);
        var small = new TextStyle(fonts.Regular, 7.5f, Palette.Muted);
        var cell = new TextStyle(fonts.Regular, 8, Palette.Ink);
        var cellBold = new TextStyle(fonts.Bold, 8, Palette.Ink);
        var top = Paper.Margin;
        var bottom = Paper.Height - Paper.Margin - 14;
        var flow = new Flow(_ => top, _ => bottom);
        var left = Paper.ContentLeft;
        var width = Paper.ContentWidth;

        void Block(TextStyle style, string content, float after = 4)
        {
            var block = TextBlock.Create(style, content, width);
            flow.Ensure(block.Height);
            var y = flow.Y;
            flow.Page.Add(canvas => block.Draw(canvas, left, y));
            flow.Y += block.Height + after;
        }

        string Date(DateOnly date) => date.ToString(text("DateFormat"), culture);
        Block(small, text("PdfKicker"), 2);
        Block(title, report.Title, 6);
        Block(body, report.Filter.From is { } from
            ? format("PdfPeriod", [Date(from), Date(report.Filter.To)])
            : format("PdfPeriodOpen", [Date(report.Filter.To)]), 2);
        var filters = report.FilterNames;
        Block(body, format("PdfFilters", [filters.Count == 0 ? text("PdfNoFilters") : string.Join(", ", filters)]), 2);
        Block(small, format("PdfGenerated", [Verification.HelsinkiTime.Of(report.GeneratedAt).ToString("d.M.yyyy HH:mm", culture)]), 8);
        foreach (var note in report.Notes)
        {
            Block(small, note, 2);
        }

        flow.Space(8);
        if (report.Tables.All(t => t.Rows.Count == 0))
        {
            Block(body, text("PdfNoData"));
        }

        foreach (var table in report.Tables.Where(t => t.Rows.Count > 0))
        {
            var tableHeading = TextBlock.Create(heading, table.Title, width);
            flow.Ensure(tableHeading.Height + ChartHeight + 40);
            var headingY = flow.Y;
            flow.Page.Add(canvas => tableHeading.Draw(canvas, left, headingY));
            flow.Y += tableHeading.Height + 6;

            var chartY = flow.Y;
            var chartTable = table;
            flow.Page.Add(canvas => DrawChart(canvas, chartTable, left, chartY, width, cell, small, text("Suppressed")));
            flow.Y += ChartHeight + 26;

            var labelWidth = width * 0.30f;
            var columnCount = table.Columns.Count + 1 + table.Measures.Count;
            var columnWidth = (width - labelWidth) / columnCount;
            var headers = table.Columns.Select(c => c.Label).Append(text("Total")).Concat(table.Measures.Select(m => m.Label))
                .Select(h => TextBlock.Create(small, h, columnWidth - 4)).ToList();
            var headerHeight = headers.Max(h => h.Height) + 4;
            void Header()
            {
                var y = flow.Y;
                flow.Page.Add(canvas =>
                {
                    for (var i = 0; i < headers.Count; i++)
                    {
                        headers[i].Draw(canvas, left + labelWidth + i * columnWidth, y, TextAlignment.Right, columnWidth - 4);
                    }

                    using var rule = new SKPaint { Color = Palette.Rule, StrokeWidth = 0.8f };
                    canvas.DrawLine(left, y + headerHeight - 1, left + width, y + headerHeight - 1, rule);
                });
                flow.Y += headerHeight;
            }

            flow.Ensure(headerHeight + RowHeight * 2);
            Header();
            foreach (var row in table.Rows.Append(table.Totals))
            {
                if (flow.Y + RowHeight > flow.Bottom)
                {
                    flow.NewPage();
                    Header();
                }

                var isTotal = row == table.Totals;
                var style = isTotal ? cellBold : cell;
                var label = TextBlock.Create(style, Shorten(style, row.Label, labelWidth - 4), labelWidth - 4);
                var values = row.Cells.Append(row.Total).Select(c => c.Suppressed ? text(c.Small ? "Suppressed" : "Complement") : c.Count!.Value.ToString("N0", culture))
                    .Concat(row.Measures.Select(m => m is { } v ? v.ToString("0.#", culture) : "–"))
                    .Select(v => TextBlock.Create(style, v, columnWidth - 4)).ToList();
                var y = flow.Y;
                flow.Page.Add(canvas =>
                {
                    label.Draw(canvas, left, y);
                    for (var i = 0; i < values.Count; i++)
                    {
                        values[i].Draw(canvas, left + labelWidth + i * columnWidth, y, TextAlignment.Right, columnWidth - 4);
                    }

                    using var rule = new SKPaint { Color = Palette.Rule, StrokeWidth = isTotal ? 0.8f : 0.3f };
                    canvas.DrawLine(left, y + RowHeight - 1, left + width, y + RowHeight - 1, rule);
                });
                flow.Y += RowHeight;
            }

            flow.Space(18);
        }

        var pages = flow.Pages;
        for (var i = 0; i < pages.Count; i++)
        {
            var footer = TextBlock.Create(small, format("PdfPage", [i + 1, pages.Count]), width);
            pages[i].Add(canvas => footer.Draw(canvas, left, Paper.Height - Paper.Margin, TextAlignment.Right, width));
        }

        using var output = new MemoryStream();
        PdfOutput.Write(
            output,
            new PdfInfo(report.Title, "Siun sote", text("PdfKicker"), "DigComp 2.2, Open Badges", language, report.GeneratedAt),
            pages);
        return output.ToArray();
    }

    /// <summary>Vertical bars of the table's column totals; a hidden total gets no bar, only its "&lt;5" label.</summary>
    private static void DrawChart(SKCanvas canvas, ReportTable table, float left, float top, float width, TextStyle label, TextStyle small, string suppressed)
    {
        var totals = table.Totals.Cells;
        var max = Math.Max(1, totals.Max(c => c.Count ?? 0));
        var slot = width / totals.Count;
        var barWidth = Math.Min(48, slot * 0.6f);
        var baseline = top + ChartHeight;
        using var axis = new SKPaint { Color = Palette.Rule, StrokeWidth = 0.8f };
        using var bar = new SKPaint { Color = Palette.Accent, IsAntialias = true };
        canvas.DrawLine(left, baseline, left + width, baseline, axis);
        for (var i = 0; i < totals.Count; i++)
        {
            var x = left + i * slot + (slot - barWidth) / 2;
            var value = totals[i];
            var height = value.Count is { } n ? (ChartHeight - 14) * n / max : 0;
            if (height > 0)
            {
                canvas.DrawRect(x, baseline - height, barWidth, height, bar);
            }

            var caption = TextBlock.Create(label, value.Suppressed ? (value.Small ? suppressed : "x") : value.Count!.Value.ToString("N0", CultureInfo.InvariantCulture), slot);
            caption.Draw(canvas, left + i * slot, baseline - height - caption.Height, TextAlignment.Center, slot);
            var name = TextBlock.Create(small, Shorten(small, table.Columns[i].Label, slot - 2), slot - 2);
            name.Draw(canvas, left + i * slot + 1, baseline + 3, TextAlignment.Center, slot - 2);
        }
    }

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
}
