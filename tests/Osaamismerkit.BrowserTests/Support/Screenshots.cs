using Microsoft.Playwright;

namespace Osaamismerkit.BrowserTests.Support;

/// <summary>Full-page screenshots for people to look at: into OSAAMISMERKIT_SCREENSHOTS if set, else the test's work folder.</summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("OSAAMISMERKIT_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file);
    }
}
