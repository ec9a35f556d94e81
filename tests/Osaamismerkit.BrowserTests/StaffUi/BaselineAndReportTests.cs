using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Osaamismerkit.Infrastructure.Database;
using static Microsoft.Playwright.Assertions;

namespace Osaamismerkit.BrowserTests.StaffUi;

public sealed class BaselineAndReportTests : StaffBrowserTestBase
{
    [Test]
    public async Task An_instructor_maps_all_five_areas_on_one_screen_and_sees_them_on_the_overview()
    {
        var page = await SignInAsync("ohjaaja");
        await page.GotoAsync("/staff/clients/new");
        await page.GetByLabel("Nimi todistuksessa").FillAsync("Kalle Kartoitettava");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lisää asiakas" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Kalle Kartoitettava" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Kirjaa lähtötaso" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Lähtötason kartoitus" })).ToBeVisibleAsync();
        await CheckPageAsync(page, "staff-17-baseline-form");

        // Four areas chosen, the fifth forgotten: the form says which one and keeps the four.
        var areas = page.Locator("fieldset.area-levels");
        await Expect(areas).ToHaveCountAsync(5);
        for (var i = 0; i < 4; i++)
        {
            await areas.Nth(i).GetByLabel(i == 1 ? "2 – perustaso" : "1", new() { Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna kartoitus" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Valitse taso 0–4");
        await Expect(areas.Nth(1).GetByLabel("2 – perustaso", new() { Exact = true })).ToBeCheckedAsync();
        await CheckPageAsync(page, "staff-18-baseline-errors");

        await areas.Nth(4).GetByLabel("0 – ei vielä", new() { Exact = true }).CheckAsync();
        await areas.Nth(0).GetByLabel("Asiakkaan oma arvio (vapaaehtoinen)").SelectOptionAsync("2");
        await page.GetByLabel("Työvalmennus").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna kartoitus" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Lähtötaso on tallennettu.");
        var table = page.Locator("section[aria-labelledby=baseline-heading] table");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(5);
        await Expect(table.Locator("tbody tr").Nth(1)).ToContainTextAsync("Taso 2");
        await CheckPageAsync(page, "staff-19-client-baseline");

        // On a phone the table scrolls in its own box; the page itself does not scroll sideways.
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await AssertNoHorizontalScrollAsync(page);
    }

    [Test]
    public async Task Project_staff_read_a_report_with_its_chart_and_exports_without_seeing_a_name()
    {
        await SeedRegionAsync();
        var page = await SignInAsync("hanke");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Raportit" })).ToBeVisibleAsync();
        // Only the row choice the chosen report reads is shown, and it follows the report chosen.
        await page.GetByLabel("Raportti").SelectOptionAsync("badges");
        await Expect(page.Locator("#field-by")).ToBeVisibleAsync();
        await Expect(page.Locator("#field-groupBy")).ToBeHiddenAsync();
        await page.GetByLabel("Raportti").SelectOptionAsync("levels");
        await Expect(page.Locator("#field-by")).ToBeHiddenAsync();
        await page.GetByLabel("Rivit", new() { Exact = true }).SelectOptionAsync("municipality");
        await page.GetByLabel("Toimintapaikka").SelectOptionAsync(new SelectOptionValue { Label = "Raporttipaja" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Näytä raportti" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Osaamistasot osa-alueittain" })).ToBeVisibleAsync();
        await Expect(page.Locator(".report-table")).ToHaveCountAsync(5);
        await Expect(page.Locator(".report-chart svg").First).ToBeVisibleAsync();
        // Four clients at each of levels 0–2 in area 1: every level hidden, the twelve of them published rounded by their
        // cell key to a neighbouring multiple of five (which one depends on the clients' random record keys).
        await Expect(page.Locator(".report-table").First.Locator("tr.total td")).ToHaveCountAsync(7);
        var totals = await page.Locator(".report-table").First.Locator("tr.total td").AllInnerTextsAsync();
        Assert.That(totals.Take(5), Is.All.EqualTo("<5"));
        Assert.That(totals[5], Is.EqualTo("10").Or.EqualTo("15"));
        Assert.That(totals[6], Is.EqualTo("–"));
        Assert.That(await page.ContentAsync(), Does.Not.Contain("Salainen"), "no client name on the report page");
        await CheckPageAsync(page, "staff-20-reports");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Lataa CSV (Excel)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.That(csv, Does.Contain("Raportti;Taulukko;Rivi;Sarake;Arvo"));
        Assert.That(csv, Does.Not.Contain("Salainen"));

        // Project staff have no client pages: a client's address is forbidden, not shown.
        await page.GotoAsync("/staff/clients");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Asiakkaat");
        Assert.That(await page.ContentAsync(), Does.Not.Contain("Salainen"));
    }

    /// <summary>Twelve clients mapped in one unit: enough for the totals to be published.</summary>
    private async Task SeedRegionAsync()
    {
        var unit = await UnitAsync("Raporttipaja");
        await using var connection = await App.Services.GetRequiredService<Database>().OpenAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < 12; i++)
        {
            var client = Guid.NewGuid().ToString();
            await connection.ExecuteAsync("""
                INSERT INTO clients (id, display_name, preferred_language, unit_id, municipality_code, share_name, created_at, updated_at)
                VALUES (@Id, @Name, 'fi', @Unit, '167', 0, @Now, @Now)
                """, new { Id = client, Name = $"Salainen Asiakas {i}", Unit = unit, Now = DateTimeOffset.UtcNow });
            await connection.ExecuteAsync("""
                INSERT INTO baselines (id, client_id, assessed_on, phase, unit_id, municipality_code, delivery_mode,
                                       area1_level, area2_level, area3_level, area4_level, area5_level, instructor_subject, created_at)
                VALUES (@Id, @Client, @On, 'intake', @Unit, '167', 'onsite', @Level, 2, 2, 1, 0, 'ohjaaja', @Now)
                """, new { Id = Guid.NewGuid().ToString(), Client = client, On = today.AddDays(-i), Unit = unit, Level = i % 3, Now = DateTimeOffset.UtcNow });
        }
    }
}
