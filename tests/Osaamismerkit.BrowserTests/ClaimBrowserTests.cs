using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Osaamismerkit.Assessments;
using Osaamismerkit.BrowserTests.Support;
using Osaamismerkit.Clients;
using Osaamismerkit.Issuing;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Certificates;
using Osaamismerkit.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Osaamismerkit.BrowserTests;

/// <summary>A client without e-mail goes from the printed certificate to their own badge on a phone.</summary>
public sealed partial class ClaimBrowserTests : BrowserTestBase
{
    private string _pdfText = null!;

    private string _placeholderShortId = null!;

    protected override async Task PrepareAsync()
    {
        await base.PrepareAsync();
        var unit = await SeededData.UnitAsync(App, "Paperipaja", "instructor-2");
        using var instructor = App.Http().As("instructor-2", Roles.Instructor);
        using var created = await instructor.PostAsJsonAsync("/api/clients", new ClientRequest("Pekka Paperinen", null, null, "fi", unit, null));
        var client = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ClientView>())!;
        var badge = Data.ValidBadge;
        var request = new AssessmentRequest(
            client.Id, badge.Id, badge.Version, Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), unit, DeliveryModes.OnSite,
            badge.Criteria.Select(c => new CriterionResult(c.Id, true)).ToList(), "Teki tehtävät itsenäisesti pajalla.");
        using var passed = await instructor.PostAsJsonAsync("/api/assessments", request);
        var body = await passed.Content.ReadAsStringAsync();
        Assert.That((int)passed.StatusCode, Is.EqualTo(201), body);
        var placeholder = JsonSerializer.Deserialize<AssessmentResult>(body, JsonSerializerOptions.Web)!.Badge!;
        _placeholderShortId = OpenBadges.ShortIds.Encode(Guid.Parse(placeholder.AssertionId));
        _pdfText = PdfText.Of(await instructor.GetByteArrayAsync($"/api/clients/{client.Id}/certificates/{placeholder.AssertionId}?lang=fi"));
    }

    [Test]
    public async Task A_client_claims_the_printed_badge_and_the_old_qr_page_leads_to_it()
    {
        var printedAddress = PrintedClaimAddress().Match(_pdfText).Groups["path"].Value;
        var code = PrintedCode().Match(_pdfText).Value;
        Assert.That(printedAddress, Is.EqualTo("/claim"), _pdfText);

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
        Assert.That(holders, Does.StartWith("/b/").And.Not.EqualTo($"/b/{_placeholderShortId}"));

        await page.GotoAsync($"/b/{_placeholderShortId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Merkki on siirretty saajalleen" })).ToBeVisibleAsync();
        await Expect(page.Locator(".status--revoked")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await AssertNoHorizontalScrollAsync(page);
        await Screenshots.TakeAsync(page, "moved-badge-phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "Avaa saajan merkki" }).ClickAsync();
        await Expect(page.Locator(".status--valid")).ToBeVisibleAsync();
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo(holders));
    }

    [GeneratedRegex(@"\S*?(?<path>/claim)\b")]
    private static partial Regex PrintedClaimAddress();

    [GeneratedRegex("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}")]
    private static partial Regex PrintedCode();
}
