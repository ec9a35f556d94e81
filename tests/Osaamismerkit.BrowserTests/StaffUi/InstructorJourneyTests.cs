using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Osaamismerkit.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Osaamismerkit.BrowserTests.StaffUi;

public sealed class InstructorJourneyTests : StaffBrowserTestBase
{
    [Test]
    public async Task An_instructor_signs_in_adds_a_client_records_twice_prints_revokes_and_sees_it_on_the_public_page()
    {
        var badge = App.Services.GetRequiredService<Osaamismerkit.Catalogue.BadgeCatalogue>().Find("citizen-messaging-2")!;
        var required = badge.Criteria.Where(c => c.Required).ToList();
        var page = await SignInAsync("ohjaaja");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Asiakkaat" })).ToBeVisibleAsync();
        await Expect(page.Locator(".sign-out__user")).ToHaveTextAsync("Olli Ohjaaja");
        await CheckPageAsync(page, "staff-01-clients");

        await page.GetByRole(AriaRole.Link, new() { Name = "+ Lisää asiakas" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Lisää asiakas" })).ToBeVisibleAsync();
        await CheckPageAsync(page, "staff-02-add-client");
        await page.GetByLabel("Nimi todistuksessa").FillAsync("Maija Meikäläinen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lisää asiakas" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Maija Meikäläinen" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Asiakas on lisätty.");
        await CheckPageAsync(page, "staff-03-client-new");

        await page.GetByRole(AriaRole.Link, new() { Name = "Kirjaa osaamisen näyttö" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Valitse merkki" })).ToBeVisibleAsync();
        await CheckPageAsync(page, "staff-04-badge-picker");
        await page.GetByLabel("Merkin nimi").FillAsync("sahkoposti");
        await page.GetByLabel("Taso").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Näytä merkit" }).ClickAsync();
        await Expect(page.Locator(".badge-cards li")).ToHaveCountAsync(1);
        await CheckPageAsync(page, "staff-05-badge-picker-search");
        await page.GetByRole(AriaRole.Link, new() { Name = badge.Name.Fi }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = badge.Name.Fi })).ToBeVisibleAsync();
        await CheckPageAsync(page, "staff-06-record-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna näyttö" }).ClickAsync();
        await Expect(page.Locator("#error-summary")).ToBeFocusedAsync();
        await Expect(page.Locator("#error-summary")).ToContainTextAsync("Kirjoita lyhyesti, mitä asiakas teki.");
        await Expect(page.GetByLabel("Mitä asiakas osoitti?")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckPageAsync(page, "staff-07-record-form-errors");
        foreach (var criterion in required.Skip(1))
        {
            await page.GetByLabel(criterion.Text.Fi).CheckAsync();
        }

        await page.GetByLabel("Mitä asiakas osoitti?").FillAsync("Luki ja kirjoitti sähköpostia pajan koneella.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna näyttö" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Eteneminen tallennettu" })).ToBeVisibleAsync();
        await Expect(page.Locator(".criteria--missing")).ToHaveTextAsync(required[0].Text.Fi);
        await CheckPageAsync(page, "staff-08-result-progress");

        await page.GetByRole(AriaRole.Link, new() { Name = "Kirjaa uusi näyttö" }).ClickAsync();
        await Expect(page.GetByText("onnistui viime kerralla").First).ToBeVisibleAsync();
        foreach (var criterion in required)
        {
            await page.GetByLabel(criterion.Text.Fi).CheckAsync();
        }

        await page.GetByLabel("Mitä asiakas osoitti?").FillAsync("Lähetti sähköpostin ja viestin itse.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna näyttö" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Merkki myönnetty" })).ToBeVisibleAsync();
        await Expect(page.Locator(".code--large")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$"));
        var publicUrl = await page.Locator(".issued .url a").First.GetAttributeAsync("href");
        await CheckPageAsync(page, "staff-09-result-issued");
        // The claim code never breaks at its hyphens, and still fits a phone's width.
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await AssertNoHorizontalScrollAsync(page);
        await page.SetViewportSizeAsync(Tablet.Width, Tablet.Height);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Todistus (PDF)" }).First.ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.That(System.Text.Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
        Assert.That(download.SuggestedFilename, Does.EndWith(".pdf"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Asiakkaan sivulle" }).ClickAsync();
        await Expect(page.Locator(".badge-row .tag--valid")).ToHaveTextAsync("Voimassa");
        await CheckPageAsync(page, "staff-10-client-overview");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Peru merkki: {badge.Name.Fi}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Peru merkki");
        await CheckPageAsync(page, "staff-11-revoke");
        await page.GetByLabel("Myönnetty virheellisesti").CheckAsync();
        await page.GetByLabel("Sisäinen muistiinpano (vapaaehtoinen)").FillAsync("Kirjattiin väärälle asiakkaalle.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Peru merkki" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Merkki on peruttu.");
        await Expect(page.Locator(".badge-row .tag--revoked")).ToHaveTextAsync("Peruttu");
        await CheckPageAsync(page, "staff-12-client-revoked");

        await page.GotoAsync(publicUrl!);
        await Expect(page.Locator("#status-heading")).ToContainTextAsync("Peruttu");
        await Expect(page.Locator(".status")).ToContainTextAsync("Merkki myönnettiin virheellisesti.");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("väärälle asiakkaalle");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Test]
    public async Task A_demonstration_typed_before_the_session_ran_out_comes_back_after_signing_in_again()
    {
        var page = await SignInAsync("ohjaaja");
        var client = await AddClientAsync(page, "Tauno Tauko");
        var badge = App.Services.GetRequiredService<Osaamismerkit.Catalogue.BadgeCatalogue>().Find("citizen-device-2")!;
        await page.GotoAsync($"/staff/clients/{client}/record/{badge.Id}");
        foreach (var criterion in badge.Criteria.Where(c => c.Required))
        {
            await page.GetByLabel(criterion.Text.Fi).CheckAsync();
        }

        await page.GetByLabel("Mitä asiakas osoitti?").FillAsync("Kirjoitettu juuri ennen taukoa.");
        await page.GetByLabel("Etä").CheckAsync();
        await page.Context.ClearCookiesAsync(new() { Name = Osaamismerkit.Staff.StaffServices.CookieName });

        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna näyttö" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kirjautuminen vanheni – tietosi ovat tallessa");
        await CheckPageAsync(page, "staff-13-draft-kept");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kirjaudu ja jatka" }).ClickAsync();
        await SignInAtProviderAsync(page, "ohjaaja");

        await Expect(page.GetByText("Lomakkeesi tiedot on palautettu")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Mitä asiakas osoitti?")).ToHaveValueAsync("Kirjoitettu juuri ennen taukoa.");
        await Expect(page.GetByLabel("Etä")).ToBeCheckedAsync();
        await CheckPageAsync(page, "staff-14-draft-restored");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna näyttö" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Merkki myönnetty" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task The_wallet_link_is_shown_as_a_qr_code_that_opens_the_clients_own_page()
    {
        var page = await SignInAsync("ohjaaja");
        await AddClientAsync(page, "Veera Lompakko");

        await page.GetByRole(AriaRole.Button, new() { Name = "Luo linkki ja näytä QR-koodi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Asiakkaan oma linkki" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR-koodi asiakkaan omalle sivulle" })).ToBeVisibleAsync();
        await CheckPageAsync(page, "staff-15-wallet-link");
        var shown = await page.Locator(".qr-box .url").TextContentAsync();
        var scanned = QrCodes.Read(await page.GetByRole(AriaRole.Img, new() { Name = "QR-koodi asiakkaan omalle sivulle" }).ScreenshotAsync());

        Assert.That(scanned, Is.EqualTo(shown?.Trim()), "the code holds the link printed beside it");
        Assert.That(scanned, Does.StartWith(new Uri(App.BaseAddress, "/w/").ToString()), "a private wallet link of this service");
        await page.GotoAsync(scanned);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Omat osaamismerkit");
    }

    [Test]
    public async Task The_staff_pages_switch_language_and_keep_it()
    {
        var page = await SignInAsync("ohjaaja");
        await AddClientAsync(page, "Sven Svensson");

        await page.GetByRole(AriaRole.Link, new() { Name = "På svenska" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Registrera kompetensprov" })).ToBeVisibleAsync();
        await CheckPageAsync(page, "staff-16-client-swedish");
        await page.GetByRole(AriaRole.Link, new() { Name = "Klienter" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Klienter" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "In English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Clients" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Suomeksi" }).ClickAsync();
    }

    // Sign-out posts to /staff/sign-out, which redirects to the provider's end-session endpoint; the CSP's form-action
    // applies to that redirect too, so a too-strict policy leaves the provider session alive on a shared tablet.
    [Test]
    public async Task Signing_out_ends_the_session_so_the_next_visit_asks_who_it_is()
    {
        var page = await SignInAsync("ohjaaja");
        var blocked = new List<string>();
        page.Console += (_, message) => blocked.Add(message.Text);

        await page.GetByRole(AriaRole.Button, new() { Name = "Kirjaudu ulos" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/staff/clients", StringComparison.Ordinal));
        await page.GotoAsync("/staff/clients");

        await Expect(page.Locator("input[name=login]")).ToBeVisibleAsync();
        Assert.That(blocked, Has.None.Contains("Content Security Policy"));
    }

    private static async Task<string> AddClientAsync(IPage page, string name)
    {
        await page.GotoAsync("/staff/clients/new");
        await page.GetByLabel("Nimi todistuksessa").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lisää asiakas" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = name })).ToBeVisibleAsync();
        return new Uri(page.Url).AbsolutePath.Split('/')[3];
    }
}
