using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Osaamismerkit.BrowserTests.Support;

/// <summary>axe-core in the page: WCAG 2.0/2.1 A and AA rules; serious and critical findings fail the test.</summary>
public static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        foreach (var minor in result.Violations.Where(v => v.Impact is not ("serious" or "critical")))
        {
            TestContext.Out.WriteLine($"axe {minor.Impact}: {minor.Id} {minor.Help} on {page.Url}");
        }

        Assert.That(serious, Is.Empty, $"axe on {page.Url}");
        Assert.That(result.Passes, Is.Not.Empty, "axe ran");
    }
}
