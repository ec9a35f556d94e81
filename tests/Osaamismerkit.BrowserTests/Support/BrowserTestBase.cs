using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.BrowserTests.Support;

/// <summary>
/// One service on Kestrel and one headless Chromium per fixture; a fresh browser context per page. By default the service
/// runs on a clock the tests move and holds <see cref="SeededData"/>; a fixture that signs staff in overrides the start.
/// </summary>
public abstract class BrowserTestBase
{
    protected static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    protected static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    private readonly List<IBrowserContext> _contexts = [];

    protected KestrelTestApp App { get; private set; } = null!;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    protected SeededData Data { get; private set; } = null!;

    private IPlaywright Playwright { get; set; } = null!;

    private IBrowser Browser { get; set; } = null!;

    [OneTimeSetUp]
    public async Task StartServiceAndBrowser()
    {
        var chromium = Chromium.RequirePath();
        App = await StartAppAsync();
        await PrepareAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(Playwright, chromium);
    }

    [TearDown]
    public async Task CloseContexts()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        _contexts.Clear();
    }

    [OneTimeTearDown]
    public async Task StopServiceAndBrowser()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        Playwright?.Dispose();
        await StopHelpersAsync();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    /// <summary>The service under test; by default on any free port with the moving clock.</summary>
    protected virtual Task<KestrelTestApp> StartAppAsync() =>
        KestrelTestApp.StartAsync(0, new Dictionary<string, string?>
        {
            // Every page, badge image and QR code of the whole fixture comes from 127.0.0.1 within a couple of minutes;
            // these tests look at the pages, the HTTP tests check the limits.
            ["RateLimits:PublicPermitsPerMinute"] = "100000",
        }, Clock);

    /// <summary>What the fixture needs once the service runs; by default the seeded badges and wallet.</summary>
    protected virtual async Task PrepareAsync() => Data = await SeededData.CreateAsync(App, Clock);

    /// <summary>Stops what <see cref="PrepareAsync"/> started besides the service, before the service stops.</summary>
    protected virtual Task StopHelpersAsync() => Task.CompletedTask;

    /// <summary>A new page in its own browser context, opened at <paramref name="path"/> (null: a blank page).</summary>
    protected async Task<IPage> OpenAsync(string? path, ViewportSize? viewport = null, float scale = 1, string locale = "fi-FI")
    {
        var page = await NewPageAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? Phone,
            DeviceScaleFactor = scale,
            Locale = locale,
        });
        if (path is not null)
        {
            var response = await page.GotoAsync(path);
            Assert.That(response, Is.Not.Null);
        }

        return page;
    }

    /// <summary>A blank page in a new browser context whose relative addresses go to the service.</summary>
    protected async Task<IPage> NewPageAsync(BrowserNewContextOptions options)
    {
        options.BaseURL = App.BaseAddress.ToString();
        var context = await Browser.NewContextAsync(options);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>WCAG 1.4.10 reflow: nothing may need horizontal scrolling.</summary>
    protected static async Task AssertNoHorizontalScrollAsync(IPage page) =>
        Assert.That(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            Is.True,
            $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px");
}
