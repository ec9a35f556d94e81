using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Osaamismerkit.BrowserTests.Support;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;
using Osaamismerkit.Wallet;
using static Microsoft.Playwright.Assertions;

namespace Osaamismerkit.BrowserTests;

/// <summary>
/// The whole holder's journey as a client without e-mail and an employer meet it, in each language on a phone and a
/// desktop: the printed certificate, the claim page it names, the wallet, the copied share link, the public page; the
/// paper's old QR page leading on to the holder's badge; and two key rotations after which every earlier badge is still
/// valid on its page.
/// </summary>
public sealed partial class HolderJourneyBrowserTests : BrowserTestBase
{
    /// <summary>What the client and the employer read, per language, written from the pages' texts as a person sees them.</summary>
    private sealed record Words(string Language, string Locale, string Press, string Title, string Code, string Email, string Done, string Copy, string Moved, string ToHolder);

    private static readonly Dictionary<string, Words> Languages = new()
    {
        ["fi"] = new("fi", "fi-FI", "Paina", "Ota merkki omaksesi", "Koodi", "Sähköpostiosoitteesi", "Valmis! Merkki on nyt sinun.", "Kopioi linkki", "Merkki on siirretty saajalleen", "Avaa saajan merkki"),
        ["sv"] = new("sv", "sv-FI", "Tryck på", "Ta emot ditt märke", "Kod", "Din e-postadress", "Klart! Märket är nu ditt.", "Kopiera länken", "Märket har flyttats till sin innehavare", "Öppna innehavarens märke"),
        ["en"] = new("en", "en-GB", "Press", "Claim your badge", "Code", "Your e-mail address", "Done! The badge is now yours.", "Copy the link", "This badge has moved to its holder", "Open the holder's badge"),
    };

    [TestCase("fi", "phone")]
    [TestCase("sv", "phone")]
    [TestCase("en", "phone")]
    [TestCase("fi", "desktop")]
    [TestCase("sv", "desktop")]
    [TestCase("en", "desktop")]
    public async Task From_the_printed_certificate_to_a_valid_shared_badge_that_survives_two_key_rotations(string language, string device)
    {
        var words = Languages[language];
        var viewport = device == "phone" ? Phone : Desktop;
        var printed = await PrintedPlaceholder.CreateAsync(App, Clock, Data.ValidBadge, "instructor-3", "Paula Paperinen", language);
        var (pdfText, placeholderShortId) = (printed.PdfText, printed.ShortId);
        var walletPath = await WalletPathAsync(printed.ClientId);

        // The paper: where to go, the code, and the button to press.
        var printedAddress = printed.ClaimAddress;
        var code = printed.Code;
        var button = Regex.Match(pdfText, $@"{Regex.Escape(words.Press)} (?<button>[^.\n]+)\.").Groups["button"].Value;
        Assert.That(printedAddress, Is.EqualTo("/claim"), pdfText);
        Assert.That(code, Is.Not.Empty, pdfText);
        Assert.That(button, Is.Not.Empty, pdfText);

        // The claim page, found at the printed address in the browser's own language.
        var page = await OpenAsync(printedAddress, viewport, locale: words.Locale);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(words.Title);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AssertNoHorizontalScrollAsync(page);
        await page.GetByLabel(words.Code, new() { Exact = true }).FillAsync(code);
        await page.GetByLabel(words.Email).FillAsync($"holder-{language}-{device}@example.fi");
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(words.Done);
        await Expect(page.Locator(".status--valid")).ToBeVisibleAsync();
        var holderPath = new Uri(page.Url).AbsolutePath;
        var holderShortId = holderPath["/b/".Length..];
        Assert.That(holderShortId, Is.Not.EqualTo(placeholderShortId));

        // The wallet: the client's badge, its share link copied, the link opened as an employer would.
        var wallet = await OpenAsync(walletPath, viewport, locale: words.Locale);
        await wallet.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await wallet.Locator($"a[href^='{walletPath}/b/{holderShortId}']").First.ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(wallet);
        await AssertNoHorizontalScrollAsync(wallet);
        await Screenshots.TakeAsync(wallet, $"journey-wallet-badge-{language}-{device}");
        await wallet.GetByRole(AriaRole.Button, new() { Name = words.Copy }).ClickAsync();
        await Expect(wallet.Locator(".copy-status")).Not.ToBeEmptyAsync();
        var shared = await wallet.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.That(shared, Is.EqualTo(new Uri(App.BaseAddress, holderPath).ToString()));

        var employer = await OpenAsync(null, viewport, locale: words.Locale);
        await employer.GotoAsync(shared);
        await Expect(employer.Locator(".status--valid")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(employer);
        await AssertNoHorizontalScrollAsync(employer);

        // The paper's QR code still leads somewhere good: to the holder's badge, never a red "revoked".
        await AssertMovedPageLeadsToHolderAsync(employer, words, placeholderShortId, holderPath);

        // The county rotates its signing key twice; every badge issued before still shows valid.
        await RotateSigningKeyAsync();
        await RotateSigningKeyAsync();
        foreach (var earlier in new[] { holderShortId, Data.ValidShortId })
        {
            await employer.GotoAsync($"/b/{earlier}");
            await Expect(employer.Locator(".status--valid")).ToBeVisibleAsync();
            await Expect(employer.Locator(".status--revoked, .status--invalid")).ToHaveCountAsync(0);
        }

        await Accessibility.AssertNoSeriousViolationsAsync(employer);
        await Screenshots.TakeAsync(employer, $"journey-public-after-rotation-{language}-{device}");
        await AssertMovedPageLeadsToHolderAsync(employer, words, placeholderShortId, holderPath);
    }

    private async Task AssertMovedPageLeadsToHolderAsync(IPage page, Words words, string placeholderShortId, string holderPath)
    {
        await page.GotoAsync($"/b/{placeholderShortId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = words.Moved })).ToBeVisibleAsync();
        await Expect(page.Locator(".status--revoked")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AssertNoHorizontalScrollAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = words.ToHolder }).ClickAsync();
        await Expect(page.Locator(".status--valid")).ToBeVisibleAsync();
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo(holderPath));
    }

    /// <summary>The instructor makes the client's private wallet link.</summary>
    private async Task<string> WalletPathAsync(string clientId)
    {
        using var instructor = App.Http().As("instructor-3", Roles.Instructor);
        using var link = await instructor.PostAsync($"/api/clients/{clientId}/wallet-link", null);
        var wallet = (await link.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<WalletLinkCreated>())!;
        return new Uri(wallet.Url).AbsolutePath;
    }

    private async Task RotateSigningKeyAsync()
    {
        using var admin = App.Http().As("admin-1", Roles.Admin);
        using var rotated = await admin.PostAsync("/api/admin/signing-keys/rotate", null);
        Assert.That((int)rotated.StatusCode, Is.EqualTo(200), await rotated.Content.ReadAsStringAsync());
    }
}
