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

        await page.GetByRole(AriaRole.Link, new() { Name = "Näytä QR-koodi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("QR-koodi");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "wallet-qr-phone");
        var code = await page.Locator("img.qr").ScreenshotAsync();

        Assert.That(QrCodes.Read(code), Is.EqualTo(new Uri(App.BaseAddress, $"/b/{Data.ValidShortId}").ToString()));
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
        await Expect(page.GetByText("Syy: " + Data.RevocationReason)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lisää LinkedIniin" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
