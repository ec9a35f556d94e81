using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using Osaamismerkit.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Osaamismerkit.BrowserTests;

public sealed class WalletBrowserTests : BrowserTestBase
{
    [Test]
    public async Task A_client_walks_from_their_wallet_to_the_linkedin_link()
    {
        var page = await OpenAsync(Data.WalletPath);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Omat osaamismerkit");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vanhat merkit" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "wallet-list-phone");

        await page.GetByRole(AriaRole.Link, new() { Name = Data.ValidBadge.Name.Fi }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Data.ValidBadge.Name.Fi);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "wallet-badge-phone");

        await page.GetByText("Lisää tapoja").ClickAsync();
        var linkedIn = page.GetByRole(AriaRole.Link, new() { Name = "Lisää LinkedIniin" });
        await Expect(linkedIn).ToBeVisibleAsync();
        var box = await linkedIn.BoundingBoxAsync();
        Assert.That(box!.Height, Is.GreaterThanOrEqualTo(44), "a large target");
        var href = await linkedIn.GetAttributeAsync("href");
        var query = QueryHelpers.ParseQuery(new Uri(href!).Query);
        Assert.That(href, Does.StartWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&"));
        Assert.That(query["name"].ToString(), Is.EqualTo(Data.ValidBadge.Name.Fi));
        Assert.That(query["organizationName"].ToString(), Does.StartWith("Siun sote"));
        Assert.That(query["issueYear"].ToString(), Is.EqualTo("2026"));
        Assert.That(query["issueMonth"].ToString(), Is.EqualTo("11"));
        Assert.That(query["certUrl"].ToString(), Is.EqualTo(new Uri(App.BaseAddress, $"/b/{Data.ValidShortId}").ToString()));
        Assert.That(query["certId"].ToString(), Is.EqualTo(Data.ValidAssertionId));
    }

    [Test]
    public async Task The_qr_code_screen_shows_a_code_a_phone_can_read()
    {
        var page = await OpenAsync($"{Data.WalletPath}/b/{Data.ValidShortId}");

        await page.GetByText("Lisää tapoja").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Näytä QR-koodi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("QR-koodi");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "wallet-qr-phone");
        var code = await page.Locator("img.qr").ScreenshotAsync();

        Assert.That(QrCodes.Read(code), Is.EqualTo(new Uri(App.BaseAddress, $"/b/{Data.ValidShortId}").ToString()));
    }

    [TestCase("fi", "Kopioi linkki", "Lisää tapoja")]
    [TestCase("sv", "Kopiera länken", "Fler sätt")]
    [TestCase("en", "Copy the link", "More ways")]
    public async Task On_a_phone_the_share_link_is_copied_in_two_taps_from_opening_the_wallet(string language, string copy, string more)
    {
        var page = await OpenAsync($"{Data.WalletPath}?lang={language}");
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var taps = 0;

        await page.Locator($"a[href^='{Data.WalletPath}/b/{Data.ValidShortId}']").First.ClickAsync();
        taps++;
        var share = page.GetByRole(AriaRole.Button, new() { Name = copy });
        await Expect(share).ToBeVisibleAsync();
        var box = await share.BoundingBoxAsync();
        Assert.That(await page.EvaluateAsync<double>("() => window.scrollY"), Is.Zero);
        Assert.That(box!.Y + box.Height, Is.LessThanOrEqualTo(Phone.Height), "the primary action is on the first screen, without scrolling");
        Assert.That(box.Height, Is.GreaterThanOrEqualTo(44), "a large target");
        await Expect(page.GetByText(more)).ToBeVisibleAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync("PNG");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("SVG");
        await Screenshots.TakeAsync(page, $"wallet-badge-first-screen-{language}");

        await share.ClickAsync();
        taps++;

        await Expect(page.Locator(".copy-status")).Not.ToBeEmptyAsync();
        Assert.That(await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"), Is.EqualTo(new Uri(App.BaseAddress, $"/b/{Data.ValidShortId}").ToString()));
        Assert.That(taps, Is.LessThanOrEqualTo(2));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Test]
    public async Task An_expired_badge_says_what_to_do_next_and_offers_no_claiming()
    {
        var page = await OpenAsync($"{Data.WalletPath}/b/{Data.ExpiredShortId}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tämän merkin aika on päättynyt" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Kysy ohjaajaltasi")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Kopioi linkki" })).ToHaveCountAsync(0);
        await Expect(page.Locator("#claim")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "wallet-badge-expired-phone");
    }

    [Test]
    public async Task The_copy_button_copies_the_share_link_where_the_browser_allows_it()
    {
        var page = await OpenAsync($"{Data.WalletPath}/b/{Data.ValidShortId}", Desktop);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Kopioi linkki" }).ClickAsync();

        await Expect(page.Locator(".copy-status")).ToHaveTextAsync("Linkki on kopioitu.");
        Assert.That(await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"), Is.EqualTo(new Uri(App.BaseAddress, $"/b/{Data.ValidShortId}").ToString()));
        await Screenshots.TakeAsync(page, "wallet-badge-desktop");
    }

    [Test]
    public async Task The_client_turns_name_sharing_on_and_the_public_page_shows_the_name()
    {
        var page = await OpenAsync(Data.WalletPath);

        await page.GetByRole(AriaRole.Link, new() { Name = "Muuta nimen näkymistä" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Näkyykö nimesi?");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Näytä nimeni" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tallennettu.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Piilota nimeni" })).ToBeVisibleAsync();

        await page.GotoAsync($"/b/{Data.ValidShortId}");
        await Expect(page.Locator(".facts")).ToContainTextAsync(Data.ClientName);

        await page.GotoAsync($"{Data.WalletPath}/name");
        await page.GetByRole(AriaRole.Button, new() { Name = "Piilota nimeni" }).ClickAsync();
        await page.GotoAsync($"/b/{Data.ValidShortId}");
        await Expect(page.Locator("body")).Not.ToContainTextAsync(Data.ClientName);
    }

    [Test]
    public async Task Old_badges_show_their_status_and_no_sharing_buttons()
    {
        var page = await OpenAsync($"{Data.WalletPath}/b/{Data.RevokedShortId}");

        await Expect(page.Locator(".facts")).ToContainTextAsync("Peruttu");
        await Expect(page.Locator(".facts")).Not.ToContainTextAsync("Toistaiseksi");
        await Expect(page.GetByText("Syy: Merkki myönnettiin virheellisesti.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Kysy ohjaajaltasi, mitä voit tehdä.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lisää LinkedIniin" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
