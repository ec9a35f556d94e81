using System.Net;
using System.Text;
using CsvHelper;
using UglyToad.PdfPig;

namespace Osaamismerkit.Tests.Reports;

public sealed class ReportExportTests : ReportTestBase
{
    [Test]
    public async Task The_csv_opens_in_finnish_excel_and_parses_back_to_the_published_figures()
    {
        using var response = await Staff.GetAsync($"/api/reports/levels?{Period}&unit={Unit}&groupBy=municipality");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var csvResponse = await Staff.GetAsync($"/api/reports/levels/csv?{Period}&unit={Unit}&groupBy=municipality");
        var csv = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.That(csvResponse.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(csvResponse.Content.Headers.ContentDisposition?.FileName, Does.EndWith(".csv"));
        Assert.That(csv.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 byte order mark for Excel");

        var lines = new List<string[]>();
        using (var reader = CsvReader.Create(csv, new CsvReaderOptions { Separator = ';', HasHeader = false }))
        {
            while (reader.Read())
            {
                lines.Add(Enumerable.Range(0, 5).Select(i => reader.GetString(i)).ToArray());
            }
        }

        Assert.That(lines[0], Is.EqualTo(new[] { "Raportti", "Taulukko", "Rivi", "Sarake", "Arvo" }));
        string Value(string table, string row, string column) =>
            lines.Single(l => l[1].StartsWith(table, StringComparison.Ordinal) && l[2] == row && l[3] == column)[4];
        Assert.Multiple(() =>
        {
            Assert.That(Value("1 ", "Joensuu", "Taso 2"), Is.EqualTo("10"), "six, rounded up");
            Assert.That(Value("1 ", "Joensuu", "Taso 3"), Is.EqualTo("x"));
            Assert.That(Value("1 ", "Juuka", "Taso 1"), Is.EqualTo("<5"));
            Assert.That(Value("1 ", "Yhteensä", "Yhteensä"), Is.EqualTo("20"));
            Assert.That(lines.Select(l => l[1]).Distinct().Count(), Is.EqualTo(6), "the header and five areas");
        });
        Assert.That(bytes, Is.Not.Empty);
    }

    [Test]
    public async Task The_separator_is_configurable()
    {
        await using var app = await Support.TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Reports:CsvSeparator"] = "," });
        using var staff = Support.TestTokens.As(app.CreateClient(), "project-1", Osaamismerkit.Staff.Roles.ProjectStaff);

        var csv = Encoding.UTF8.GetString(await staff.GetByteArrayAsync("/api/reports/badges/csv"));

        Assert.That(csv.TrimStart('\uFEFF'), Does.StartWith("Raportti,Taulukko,Rivi,Sarake,Arvo"));
    }

    [Test]
    public async Task The_pdf_report_reads_back_with_its_title_figures_and_suppression_and_is_audited()
    {
        using var response = await Staff.GetAsync($"/api/reports/levels/pdf?{Period}&unit={Unit}&groupBy=municipality&lang=sv");
        var pdf = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Multiple(() =>
        {
            Assert.That(document.Information.Title, Is.EqualTo("Kompetensnivåer per område"));
            Assert.That(text, Does.Contain("Kompetensnivåer"));
            Assert.That(text, Does.Contain("Joensuu").And.Contain("Juga"), "municipality names in Swedish");
            Assert.That(text, Does.Contain("Avgränsningar: Paja " + Unit), "the unit by its name");
            Assert.That(text, Does.Contain("<5"));
            Assert.That(text, Does.Contain("Period: 1.1.2026 – 30.11.2026"), "the period widened to the end of November");
            Assert.That(text, Does.Not.Contain("Asiakas"));
            Assert.That(document.NumberOfPages, Is.GreaterThanOrEqualTo(2), "five areas with a chart each");
        });
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'report.exported' AND entity_id = 'levels'"), Is.EqualTo(1));
    }

    [TestCase("fi", "osaamismerkit-osaamistasot", "osaamismerkit-myonnetyt-merkit")]
    [TestCase("sv", "kompetensmarken-kompetensnivaer", "kompetensmarken-utfardade-marken")]
    [TestCase("en", "digital-skills-levels-by-area", "digital-skills-badges-issued")]
    public async Task Export_files_are_named_for_the_report_in_the_users_language(string language, string levels, string badges)
    {
        using var csv = await Staff.GetAsync($"/api/reports/levels/csv?{Period}&unit={Unit}&lang={language}");
        using var pdf = await Staff.GetAsync($"/api/reports/levels/pdf?{Period}&unit={Unit}&lang={language}");
        using var badgesPdf = await Staff.GetAsync($"/api/reports/badges/pdf?to=2026-11-23&unit={Unit}&lang={language}");

        Assert.Multiple(() =>
        {
            Assert.That(csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo($"{levels}-2026-01-01-2026-11-30.csv"));
            Assert.That(pdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo($"{levels}-2026-01-01-2026-11-30.pdf"));
            Assert.That(badgesPdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo($"{badges}-2026-11-30.pdf"), "an open-ended period is named by its end");
        });
    }

    [TestCase("fi")]
    [TestCase("sv")]
    [TestCase("en")]
    public void Every_report_has_an_ascii_file_name(string language)
    {
        var manager = new System.Resources.ResourceManager(typeof(Osaamismerkit.Resources.ReportTexts));
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language);

        foreach (var kind in Osaamismerkit.Reports.ReportCodes.Kinds.Keys)
        {
            Assert.That(manager.GetString("File_" + kind, culture), Does.Match("^[a-z0-9]+(-[a-z0-9]+)*$"), kind);
        }
    }
}
