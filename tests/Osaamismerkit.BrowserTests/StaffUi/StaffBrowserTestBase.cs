using Microsoft.Playwright;
using Osaamismerkit.BrowserTests.Support;
using Osaamismerkit.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Osaamismerkit.BrowserTests.StaffUi;

/// <summary>
/// The service on Kestrel with browser sign-in through the real development OpenID Connect provider (tools/dev-identity)
/// and one headless Chromium; staff sign in as a person would, on a tablet-sized screen.
/// </summary>
[NonParallelizable]
public abstract class StaffBrowserTestBase : BrowserTestBase
{
    protected static readonly ViewportSize Tablet = new() { Width = 768, Height = 1024 };

    private readonly int _providerPort = DevIdentityProvider.FreePort();

    protected string Unit { get; private set; } = null!;

    private DevIdentityProvider Provider { get; set; } = null!;

    /// <summary>On the system clock: the provider signs its tokens with real time.</summary>
    protected override Task<KestrelTestApp> StartAppAsync() =>
        KestrelTestApp.StartAsync(DevIdentityProvider.FreePort(), new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = $"http://127.0.0.1:{_providerPort}",
            ["Authentication:Oidc:ClientId"] = "osaamismerkit-dev",
            ["Authentication:Oidc:ClientSecret"] = "osaamismerkit-dev-secret",
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
            ["RateLimits:PublicPermitsPerMinute"] = "100000",
        });

    protected override async Task PrepareAsync()
    {
        Provider = await DevIdentityProvider.StartAsync(_providerPort, App.BaseAddress);
        Unit = await UnitAsync("Pilvipaja", "ohjaaja", "admin");
    }

    protected override async Task StopHelpersAsync()
    {
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
    }

    /// <summary>Opens the staff start page in a fresh browser and signs in at the provider as <paramref name="user"/>.</summary>
    protected async Task<IPage> SignInAsync(string user, ViewportSize? viewport = null)
    {
        var page = await NewPageAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? Tablet,
            Locale = "fi-FI",
            AcceptDownloads = true,
        });
        await page.GotoAsync("/staff");
        await SignInAtProviderAsync(page, user);
        return page;
    }

    /// <summary>Fills the provider's own login form when it asks; a provider session that is still alive signs in without asking.</summary>
    protected async Task SignInAtProviderAsync(IPage page, string user)
    {
        var login = page.Locator("input[name=login]");
        var app = App.BaseAddress.GetLeftPart(UriPartial.Authority);
        await page.WaitForURLAsync(url => url.StartsWith(app, StringComparison.Ordinal) && !url.Contains("/signin", StringComparison.Ordinal) || LooksLikeLogin(url));
        if (!page.Url.StartsWith(app, StringComparison.Ordinal))
        {
            await login.FillAsync(user);
            await page.Locator("input[name=password]").FillAsync("any");
            await page.Locator("button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => url.StartsWith(app + "/staff", StringComparison.Ordinal));
        }

        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
    }

    protected Task<string> UnitAsync(string name, params string[] staff) => SeededData.UnitAsync(App, name, staff);

    /// <summary>What every staff page must pass: axe-core without serious findings, no sideways scrolling, large targets.</summary>
    protected static async Task CheckPageAsync(IPage page, string screenshot)
    {
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AssertNoHorizontalScrollAsync(page);
        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main .button, main button, main select, main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), main .check, main .choice, main .row-link, main .card, main .inline-actions a, .staff-nav a, .languages a')]
                .filter(e => e.offsetParent !== null)
                .map(e => [e.getBoundingClientRect(), e])
                .filter(([r]) => r.height < 44 || r.width < 44)
                .map(([r, e]) => `${e.outerHTML.slice(0, 80)} ${Math.round(r.width)}x${Math.round(r.height)}`)
            """);
        Assert.That(small, Is.Empty, $"targets smaller than 44 px on {page.Url}");
        await page.EvaluateAsync("""
            async () => {
                window.scrollTo(0, document.body.scrollHeight);
                await Promise.all([...document.images].map(i => i.complete ? null : new Promise(done => { i.onload = done; i.onerror = done; })));
                window.scrollTo(0, 0);
            }
            """);
        await Screenshots.TakeAsync(page, screenshot);
    }

    private static bool LooksLikeLogin(string url) => url.Contains("/interaction/", StringComparison.Ordinal);
}
