using Microsoft.Playwright;
using Osaamismerkit.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Osaamismerkit.BrowserTests;

public sealed class PublicPageBrowserTests : BrowserTestBase
{
    [TestCase("valid", "Voimassa", "Merkki on aito ja voimassa.")]
    [TestCase("revoked", "Peruttu", "Syy: Merkki myönnettiin virheellisesti.")]
    [TestCase("expired", "Vanhentunut", "Se ei ole enää voimassa.")]
    public async Task An_employer_sees_the_status_at_once_on_a_phone_and_on_a_desktop(string status, string title, string explanation)
    {
        var shortId = status switch
        {
            "valid" => Data.ValidShortId,
            "revoked" => Data.RevokedShortId,
            _ => Data.ExpiredShortId,
        };

        foreach (var (viewport, device) in new[] { (Phone, "phone"), (Desktop, "desktop") })
        {
            var page = await OpenAsync($"/b/{shortId}", viewport);

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fi");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = title })).ToBeVisibleAsync();
            await Expect(page.Locator(".status")).ToContainTextAsync(explanation);
            await Expect(page.Locator(".status")).ToContainTextAsync(CheckedAt());
            var box = await page.Locator(".status").BoundingBoxAsync();
            Assert.That(box!.Y + box.Height, Is.LessThan(viewport.Height), "the status is seen without scrolling");
            await AssertNoHorizontalScrollAsync(page);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await Screenshots.TakeAsync(page, $"badge-{status}-{device}");
        }
    }

    [Test]
    public async Task The_language_switch_changes_the_whole_page()
    {
        var page = await OpenAsync($"/b/{Data.ValidShortId}");

        await page.GetByRole(AriaRole.Link, new() { Name = "På svenska" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Data.ValidBadge.Name.Sv);
        await Expect(page.Locator("#status-heading")).ToContainTextAsync("Giltigt");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "In English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#status-heading")).ToContainTextAsync("Valid");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "In English" })).ToHaveAttributeAsync("aria-current", "true");
    }

    [Test]
    public async Task The_browser_language_is_the_default()
    {
        var page = await OpenAsync($"/b/{Data.ValidShortId}", locale: "sv-FI");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Expect(page.Locator("#status-heading")).ToContainTextAsync("Giltigt");
    }

    [Test]
    public async Task The_email_check_answers_yes_and_no_using_the_keyboard_only()
    {
        var page = await OpenAsync($"/b/{Data.ValidShortId}");
        var field = page.GetByLabel("Sähköpostiosoite");

        await field.FocusAsync();
        await page.Keyboard.TypeAsync(Data.Email.ToUpperInvariant());
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#check-result")).ToHaveTextAsync($"Kyllä. Merkki on myönnetty osoitteelle {Data.Email.ToUpperInvariant()}.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "badge-email-check-yes");

        await page.GetByLabel("Sähköpostiosoite").FillAsync("joku.muu@example.fi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tarkista" }).ClickAsync();
        await Expect(page.Locator("#check-result")).ToHaveTextAsync("Ei. Merkkiä ei ole myönnetty osoitteelle joku.muu@example.fi.");
        await Expect(page.Locator("body")).Not.ToContainTextAsync(Data.ClientName);
    }

    [Test]
    public async Task Keyboard_focus_is_always_visible_and_the_skip_link_leads_to_the_content()
    {
        var page = await OpenAsync($"/b/{Data.ValidShortId}", Desktop);

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Siirry sisältöön" })).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Siirry sisältöön" })).ToBeInViewportAsync();
        for (var i = 0; i < 8; i++)
        {
            var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
            Assert.That(outline, Does.Match("^solid [3-9]"), await page.EvaluateAsync<string>("() => document.activeElement.outerHTML"));
            await page.Keyboard.PressAsync("Tab");
        }

        await page.ReloadAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.That(page.Url, Does.EndWith("#main"));
        await Expect(page.Locator("main")).ToBeFocusedAsync();
    }

    [TestCase(320, 1)]
    [TestCase(640, 2)]
    public async Task Pages_reflow_on_a_narrow_phone_and_at_200_percent_zoom(int width, int scale)
    {
        foreach (var path in new[] { $"/b/{Data.ValidShortId}", $"/b/{Data.RevokedShortId}?lang=sv", Data.WalletPath, $"{Data.WalletPath}/b/{Data.ValidShortId}", "/b/does-not-exist" })
        {
            var page = await OpenAsync(path, new ViewportSize { Width = width, Height = 700 }, scale);

            await AssertNoHorizontalScrollAsync(page);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        }
    }

    [Test]
    public async Task An_unknown_address_gets_a_friendly_page_that_passes_axe()
    {
        var page = await OpenAsync("/b/AAAAAAAAAAAAAAAAAAAAAA");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sivua ei löytynyt");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Test]
    public async Task The_page_weighs_little_on_a_phone_connection()
    {
        var page = await OpenAsync(null);
        var responses = new List<IResponse>();
        page.Response += (_, response) => responses.Add(response);

        await page.GotoAsync($"/b/{Data.ValidShortId}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var sizes = new List<(string Type, string Url, int Bytes)>();
        foreach (var response in responses)
        {
            sizes.Add((response.Request.ResourceType, response.Url, (await response.BodyAsync()).Length));
        }

        foreach (var (type, url, bytes) in sizes)
        {
            TestContext.Out.WriteLine($"{bytes,8} {type,-10} {url}");
        }

        var total = sizes.Sum(s => s.Bytes);
        TestContext.Out.WriteLine($"{total,8} bytes in {sizes.Count} responses, uncompressed");
        Assert.That(sizes.Select(s => s.Type), Is.EquivalentTo(new[] { "document", "stylesheet", "image", "image" }), "one page, one stylesheet, the badge and the QR code; no script");
        Assert.That(total, Is.LessThan(100_000), "HTML, CSS and images together, uncompressed");
    }

    private string CheckedAt()
    {
        var helsinki = Osaamismerkit.PublicPages.HelsinkiTime.Of(Clock.GetUtcNow());
        return $"Tarkistettu {helsinki:d.M.yyyy} klo {helsinki:H.mm}";
    }
}
