using Microsoft.Playwright;

namespace Osaamismerkit.BrowserTests.Support;

/// <summary>
/// Debian's Chromium, driven by Playwright (no browser downloads here). Missing Chromium fails the run in CI
/// (CI=true) and skips it with a clear message on a developer machine, so browser tests never vanish silently.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static string RequirePath()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : DefaultPath;
        if (File.Exists(path))
        {
            return path;
        }

        var message = $"Chromium is not installed at {path}: run .ci/install-test-dependencies (Debian package chromium) or set CHROMIUM_PATH.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        return path;
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string path) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
}
