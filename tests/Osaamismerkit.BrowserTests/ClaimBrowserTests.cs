using Microsoft.Playwright;
using Osaamismerkit.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Osaamismerkit.BrowserTests;

/// <summary>A client without e-mail goes from the printed certificate to their own badge on a phone.</summary>
public sealed class ClaimBrowserTests : BrowserTestBase
{
    private PrintedPlaceholder _printed = null!;

    protected override async Task PrepareAsync()
    {
        await base.PrepareAsync();
        _printed = await PrintedPlaceholder.CreateAsync(App, Clock, Data.ValidBadge, "instructor-2", "Pekka Paperinen", "fi");
    }

    [Test]
    public async Task A_client_claims_the_printed_badge_and_the_old_qr_page_leads_to_it()
    {
        var printedAddress = _printed.ClaimAddress;
        var code = _printed.Code;
        Assert.That(printedAddress, Is.EqualTo("/claim"), _printed.PdfText);

        var page = await OpenAsync(printedAddress);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ota merkki omaksesi");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AssertNoHorizontalScrollAsync(page);
        await Screenshots.TakeAsync(page, "claim-page-phone");

        await page.GetByLabel("Koodi").FillAsync(code.ToLowerInvariant());
        await page.GetByLabel("Sähköpostiosoitteesi").FillAsync("pekka@example.fi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ota merkki" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Valmis! Merkki on nyt sinun.");
        await Expect(page.Locator(".status--valid")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "claimed-badge-phone");
        var holders = new Uri(page.Url).AbsolutePath;
        Assert.That(holders, Does.StartWith("/b/").And.Not.EqualTo($"/b/{_printed.ShortId}"));

        await page.GotoAsync($"/b/{_printed.ShortId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Merkki on siirretty saajalleen" })).ToBeVisibleAsync();
        await Expect(page.Locator(".status--revoked")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AssertNoHorizontalScrollAsync(page);
        await Screenshots.TakeAsync(page, "moved-badge-phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "Avaa saajan merkki" }).ClickAsync();
        await Expect(page.Locator(".status--valid")).ToBeVisibleAsync();
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo(holders));
    }
}
