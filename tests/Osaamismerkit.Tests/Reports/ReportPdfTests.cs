using System.Globalization;
using System.Resources;
using Osaamismerkit.Reports;
using Osaamismerkit.Resources;
using Osaamismerkit.Tests.Certificates;

namespace Osaamismerkit.Tests.Reports;

public sealed class ReportPdfTests
{
    [TestCase("fi", "1 200", "1,200")]
    [TestCase("sv", "1 200", "1,200")]
    [TestCase("en", "1,200", "1 200")]
    public void Large_counts_are_grouped_the_way_the_language_writes_them_in_the_chart_and_the_table(string language, string grouped, string foreign)
    {
        var text = Normalised(PdfText.Of(Render(language, 1200)));

        Assert.That(text, Does.Not.Contain(foreign));
        Assert.That(CountOf(text, grouped), Is.EqualTo(5), "the bar label, and the row and total row each as a cell and a total");
    }

    [TestCase("fi")]
    [TestCase("sv")]
    public void The_group_separator_is_a_no_break_space_the_embedded_font_can_draw(string language)
    {
        var separator = CultureInfo.GetCultureInfo(ReportText(language, "Culture")).NumberFormat.NumberGroupSeparator;

        Assert.That(separator, Is.AnyOf("\u00A0", "\u202F"), "a line must not break inside a number");
        Assert.That(CertificateSamples.Fonts.Regular.ContainsGlyphs(separator), Is.True, "no tofu box");
        Assert.That(CertificateSamples.Fonts.Bold.ContainsGlyphs(separator), Is.True, "no tofu box in the total row");
    }

    /// <summary>A one-table Finnish report PDF, for the checks every printed document kind shares.</summary>
    internal static byte[] Sample() => Render("fi", 1200);

    private static byte[] Render(string language, long count)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        string Text(string key) => ReportText(language, key);
        string Format(string key, object[] arguments) => string.Format(culture, Text(key), arguments);
        var columns = new List<ReportColumn> { new("onsite", Text("Mode_onsite")) };
        var row = new ReportRow("all", Text("GroupAll"), [new ReportCell(count, false)], new ReportCell(count, false), []);
        var table = new ReportTable("modes", Text("BadgesTable"), columns, [], [row], row with { Key = "total", Label = Text("Total") });
        var report = new Report(
            "badges", Text("Report_badges"), new ReportFilterView(null, new DateOnly(2026, 11, 30), null, null, null, "none", "month"),
            [], CertificateSamples.Now, 5, [table], []);
        return new ReportPdf(CertificateSamples.Fonts).Write(report, language, Text, Format);
    }

    private static string ReportText(string language, string key) =>
        new ResourceManager(typeof(ReportTexts)).GetString(key, CultureInfo.GetCultureInfo(language))!;

    /// <summary>Word extraction may give a no-break space back as itself or as a space.</summary>
    private static string Normalised(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
