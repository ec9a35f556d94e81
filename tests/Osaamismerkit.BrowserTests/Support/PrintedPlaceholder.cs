using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Issuing;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Certificates;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.BrowserTests.Support;

/// <summary>
/// A client without e-mail who passed a badge, and the certificate the instructor printed for them, read back as text:
/// where the paper sends the client and the code it gives them.
/// </summary>
public sealed partial record PrintedPlaceholder(string ClientId, string ShortId, string PdfText)
{
    public string ClaimAddress => PrintedClaimAddress().Match(PdfText).Groups["path"].Value;

    public string Code => PrintedCode().Match(PdfText).Value;

    public static async Task<PrintedPlaceholder> CreateAsync(
        KestrelTestApp app, FakeTimeProvider clock, BadgeDefinition badge, string instructorSubject, string clientName, string language)
    {
        var unit = await SeededData.UnitAsync(app, "Paperipaja", instructorSubject);
        using var instructor = app.Http().As(instructorSubject, Roles.Instructor);
        using var created = await instructor.PostAsJsonAsync("/api/clients", new ClientRequest(clientName, null, null, language, unit, null));
        var client = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ClientView>())!;
        var request = new AssessmentRequest(
            client.Id, badge.Id, badge.Version, clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), unit, DeliveryModes.OnSite,
            badge.Criteria.Select(c => new CriterionResult(c.Id, true)).ToList(), "Teki tehtävät itsenäisesti pajalla.");
        using var passed = await instructor.PostAsJsonAsync("/api/assessments", request);
        var body = await passed.Content.ReadAsStringAsync();
        Assert.That((int)passed.StatusCode, Is.EqualTo(201), body);
        var placeholder = JsonSerializer.Deserialize<AssessmentResult>(body, JsonSerializerOptions.Web)!.Badge!;
        var pdf = Tests.Certificates.PdfText.Of(await instructor.GetByteArrayAsync($"/api/clients/{client.Id}/certificates/{placeholder.AssertionId}?lang={language}"));
        return new PrintedPlaceholder(client.Id, OpenBadges.ShortIds.Encode(Guid.Parse(placeholder.AssertionId)), pdf);
    }

    [GeneratedRegex(@"\S*?(?<path>/claim)\b")]
    private static partial Regex PrintedClaimAddress();

    [GeneratedRegex("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}")]
    private static partial Regex PrintedCode();
}
