using Microsoft.Playwright;
using Osaamismerkit.BrowserTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Osaamismerkit.BrowserTests;

/// <summary>An employer pastes an Open Badges 3.0 credential from a wallet into the verify page and reads the answer.</summary>
public sealed class VerifyPageBrowserTests : BrowserTestBase
{
    [Test]
    public async Task A_pasted_VC_JWT_is_checked_in_plain_words_on_a_phone()
    {
        using var http = new HttpClient { BaseAddress = App.BaseAddress };
        var jwt = await http.GetStringAsync($"/ob3/credentials/{Data.ValidAssertionId}/jwt");
        var page = await OpenAsync("/verify");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Tai liitä merkin teksti").FillAsync(jwt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tarkista" }).ClickAsync();

        var result = page.Locator("#verify-result");
        await Expect(result).ToContainTextAsync(Data.ValidBadge.Name.Fi);
        await Expect(result).ToContainTextAsync("Voimassa");
        await Expect(result).Not.ToContainTextAsync("Maija");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "verify-ob3-phone");
    }
}
