using System.Net;
using System.Net.Http.Json;
using System.Text;
using Osaamismerkit.Assessments;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Issuing;

/// <summary>Assessments imported from CSV files as spreadsheets save them: a dry run first, then the real run, row by row.</summary>
public sealed class AssessmentImportTests : IssuingTestBase
{
    static AssessmentImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Test]
    public async Task A_clean_file_shows_what_would_happen_writes_nothing_in_the_dry_run_and_issues_once_in_the_real_run()
    {
        var clients = await ClientsAsync(3);
        var file = "client," + string.Join(',', BasicBadge.Criteria.Select(c => c.Id)) + "\n"
            + string.Concat(clients.Select(c => c + "," + string.Join(',', BasicBadge.Criteria.Select(_ => "x")) + "\n"));
        var bytes = Encoding.UTF8.GetBytes(file);

        var dry = await ImportAsync(bytes, dryRun: true);
        Assert.That(dry.Rows.Select(r => (r.Row, r.Status)), Is.EqualTo(new[] { (2, "issued"), (3, "issued"), (4, "issued") }));
        Assert.That((dry.Separator, dry.Encoding), Is.EqualTo((",", "utf-8")));
        Assert.That(await Scenario.CountAsync("assessments"), Is.Zero, "a dry run writes nothing");

        var real = await ImportAsync(bytes, dryRun: false);
        var again = await ImportAsync(bytes, dryRun: false);

        Assert.That(real.Issued, Is.EqualTo(3));
        Assert.That(real.Rows.Select(r => r.Assessment!.Badge), Is.All.Not.Null);
        Assert.That(again.Rows.Select(r => r.Assessment!.AssessmentId), Is.EqualTo(real.Rows.Select(r => r.Assessment!.AssessmentId)), "the same file again replays");
        Assert.That(await Scenario.CountAsync("assertions"), Is.EqualTo(3));
    }

    [Test]
    public async Task Three_bad_rows_are_named_by_row_and_column_in_the_users_language_and_the_good_rows_are_issued()
    {
        var clients = await ClientsAsync(3);
        var heading = "asiakas;" + string.Join(';', BasicBadge.Criteria.Select(c => c.Id));
        string Row(string client, string value = "x") => client + ";" + string.Join(';', BasicBadge.Criteria.Select(_ => value));
        var file = string.Join("\r\n", heading, Row(clients[0]), Row(clients[1], "joo?"), Row("no-such-client"), Row(string.Empty), Row(clients[2])) + "\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(file)).ToArray();

        var result = await ImportAsync(bytes, dryRun: false, language: "sv");

        Assert.That(result.Rows.Select(r => r.Status), Is.EqualTo(new[] { "issued", "invalid", "invalid", "invalid", "issued" }));
        Assert.That((result.Separator, result.Encoding), Is.EqualTo((";", "utf-8-bom")));
        var errors = result.Rows.SelectMany(r => r.Errors).ToList();
        Assert.That(errors.Select(e => e.Row).Distinct(), Is.EqualTo(new[] { 3, 4, 5 }));
        Assert.That(errors.First(e => e.Row == 3).Column, Is.EqualTo(BasicBadge.Criteria[0].Id));
        Assert.That(errors.First(e => e.Row == 3).Message, Does.Contain("\"joo?\" är inte ja eller nej"));
        Assert.That(errors.Where(e => e.Row is 4 or 5).Select(e => e.Column), Is.All.EqualTo("asiakas"));
        Assert.That(await Scenario.CountAsync("assertions"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_file_saved_by_excel_with_finnish_settings_is_read_with_its_semicolons_and_windows_1252_letters()
    {
        var clients = await ClientsAsync(2);
        // Excel's "CSV (luetteloerotin)": Windows-1252, ";" (the Finnish list separator), CRLF, and the separators of empty
        // columns it once saw. Its "CSV UTF-8" differs only by UTF-8 with a BOM (the test above).
        var heading = "Asiakas;" + string.Join(';', BasicBadge.Criteria.Select(c => c.Id)) + ";Lausunto;;";
        var rows = clients.Select((c, i) => c + ";" + string.Join(';', BasicBadge.Criteria.Select(_ => "kyllä")) + ";" + (i == 0 ? "Löysi säännöt ja täytti hakemuksen." : string.Empty) + ";;");
        var bytes = Encoding.GetEncoding(1252).GetBytes(string.Join("\r\n", rows.Prepend(heading)) + "\r\n");

        var result = await ImportAsync(bytes, dryRun: false, statement: "Teki tehtävän ryhmässä.");

        Assert.That(result.Encoding, Is.EqualTo("windows-1252"));
        Assert.That(result.Rows.Select(r => r.Status), Is.All.EqualTo("issued"), string.Join("; ", result.Rows.SelectMany(r => r.Errors).Select(e => e.Message)));
        var narratives = new List<string>();
        foreach (var row in result.Rows)
        {
            var json = await Scenario.JsonAsync(Anonymous, new Uri(row.Assessment!.Badge!.JsonUrl).PathAndQuery);
            narratives.Add(json.GetProperty("evidence")[0].GetProperty("narrative").GetString()!);
        }

        Assert.That(narratives, Is.EqualTo(new[] { "Löysi säännöt ja täytti hakemuksen.", "Teki tehtävän ryhmässä." }));
    }

    [Test]
    public async Task A_file_without_the_client_column_or_with_an_unknown_column_is_refused_whole()
    {
        var bytes = Encoding.UTF8.GetBytes("nimi;" + string.Join(';', BasicBadge.Criteria.Select(c => c.Id)) + "\nAino;x\n");

        using var response = await Instructor.PostAsync(Url(dryRun: true), new ByteArrayContent(bytes));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("nimi").And.Contain("asiakas"));
    }

    private async Task<List<string>> ClientsAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await Scenario.ClientAsync(Instructor, Unit, name: $"Tuonti {i}")).Id);
        }

        return ids;
    }

    private string Url(bool dryRun, string? language = null, string statement = "Teki tehtävän itse.") =>
        $"/api/assessments/import?badgeId={BasicBadge.Id}&demonstratedOn=2026-11-20&unitId={Unit}&deliveryMode=onsite"
        + $"&statement={Uri.EscapeDataString(statement)}&dryRun={(dryRun ? "true" : "false")}" + (language is null ? string.Empty : "&lang=" + language);

    private async Task<ImportResult> ImportAsync(byte[] file, bool dryRun, string? language = null, string statement = "Teki tehtävän itse.")
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new("text/csv");
        using var response = await Instructor.PostAsync(Url(dryRun, language, statement), content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportResult>())!;
    }
}
