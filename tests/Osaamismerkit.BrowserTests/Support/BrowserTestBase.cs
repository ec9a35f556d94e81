using Microsoft.Playwright;

namespace Osaamismerkit.BrowserTests.Support;

/// <summary>One service on Kestrel, its seeded data and one headless Chromium per fixture; a fresh browser context per page.</summary>
public abstract class BrowserTestBase
{
    protected static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    protected static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    private readonly List<IBrowserContext> _contexts = [];

    protected KestrelApp App { get; private set; } = null!;

    protected SeededData Data { get; private set; } = null!;

    private IPlaywright Playwright { get; set; } = null!;

    private IBrowser Browser { get; set; } = null!;

    [OneTimeSetUp]
    public async Task StartServiceAndBrowser()
    {
        var chromium = Chromium.RequirePath();
        App = await KestrelApp.StartAsync();
        Data = await SeededData.CreateAsync(App);
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
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    /// <summary>A new page in its own browser context, opened at <paramref name="path"/> (null: a blank page).</summary>
    protected async Task<IPage> OpenAsync(string? path, ViewportSize? viewport = null, float scale = 1, string locale = "fi-FI")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = viewport ?? Phone,
            DeviceScaleFactor = scale,
            Locale = locale,
        });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        if (path is not null)
        {
            var response = await page.GotoAsync(path);
            Assert.That(response, Is.Not.Null);
        }

        return page;
    }

    /// <summary>WCAG 1.4.10 reflow: nothing may need horizontal scrolling.</summary>
    protected static async Task AssertNoHorizontalScrollAsync(IPage page) =>
        Assert.That(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            Is.True,
            $"{page.Url} scrolls sideways at {page.ViewportSize?.Width} px");
}
