using System.Net;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;
using UglyToad.PdfPig;

namespace Osaamismerkit.Tests.Certificates;

public sealed class CertificateEndpointTests : IssuingTestBase
{
    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private static int PagesOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    [Test]
    public async Task An_instructor_prints_a_badge_certificate_of_their_client_with_one_audit_row()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "cert@example.fi", name: "Åsa Äijälä");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;
        var audit = await Scenario.CountAsync("audit_log");

        using var response = await Instructor.GetAsync($"/api/clients/{client.Id}/certificates/{issued.AssertionId}");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = TextOf(pdf);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(text, Does.Contain("Åsa").And.Contain("Äijälä"));
        Assert.That(text, Does.Contain(issued.AssertionId));
        Assert.That(text.Replace(" ", string.Empty, StringComparison.Ordinal), Does.Contain(BasicBadge.Name.Fi.Replace(" ", string.Empty, StringComparison.Ordinal)));
        Assert.That(await Scenario.CountAsync("audit_log") - audit, Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'certificate.printed'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_placeholder_badge_certificate_prints_its_claim_code()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit);
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;

        var pdf = await Instructor.GetByteArrayAsync($"/api/clients/{client.Id}/certificates/{issued.AssertionId}?lang=en");

        Assert.That(TextOf(pdf), Does.Contain(issued.ClaimCode));
    }

    [Test]
    public async Task The_combined_certificate_holds_every_valid_badge_and_no_revoked_one()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "combo@example.fi");
        var badges = Scenario.Catalogue.Badges.Where(b => b.Kind == Osaamismerkit.Catalogue.BadgeKind.Skill && b.PrerequisiteIds.Count == 0).Take(2).ToList();
        var first = (await Scenario.PassAsync(Instructor, Scenario.Passing(badges[0], client.Id, Unit))).Badge!;
        var second = (await Scenario.PassAsync(Instructor, Scenario.Passing(badges[1], client.Id, Unit))).Badge!;
        using var revoke = await Instructor.PostAsync($"/api/assertions/{second.AssertionId}/revoke", System.Net.Http.Json.JsonContent.Create(new { reason = "virhe" }));

        var text = TextOf(await Instructor.GetByteArrayAsync($"/api/clients/{client.Id}/certificates"));

        Assert.That(text, Does.Contain(first.AssertionId));
        Assert.That(text, Does.Not.Contain(second.AssertionId));
    }

    [Test]
    public async Task A_unit_batch_prints_one_page_per_badge_issued_in_the_period()
    {
        var a = await Scenario.ClientAsync(Instructor, Unit, email: "batch-a@example.fi", name: "Aino");
        var b = await Scenario.ClientAsync(Instructor, Unit, email: "batch-b@example.fi", name: "Bertil", language: "sv");
        await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, a.Id, Unit));
        await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, b.Id, Unit));

        var pdf = await Instructor.GetByteArrayAsync($"/api/units/{Unit}/certificates?from=2026-11-01&to=2026-11-30");
        using var empty = await Instructor.GetAsync($"/api/units/{Unit}/certificates?from=2025-01-01&to=2025-01-31");
        using var bad = await Instructor.GetAsync($"/api/units/{Unit}/certificates?from=yesterday&to=2026-11-30");

        Assert.That(PagesOf(pdf), Is.EqualTo(2));
        Assert.That(TextOf(pdf), Does.Contain("Aino").And.Contain("Bertil"));
        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Another_units_instructor_cannot_print_and_nothing_is_audited()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "private@example.fi");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;
        await Scenario.UnitAsync("instructor-9");
        using var other = Scenario.Instructor("instructor-9");

        using var response = await other.GetAsync($"/api/clients/{client.Id}/certificates/{issued.AssertionId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'certificate.printed'"), Is.Zero);
    }

    [TestCase("fi", "osaamistodistus", "osaamistodistus-kooste", "osaamistodistukset")]
    [TestCase("sv", "kompetensintyg", "kompetensintyg-sammanstallning", "kompetensintyg")]
    [TestCase("en", "skills-certificate", "skills-certificate-summary", "skills-certificates")]
    public async Task Certificate_files_are_named_in_the_certificates_language_without_the_clients_name(
        string language, string badgeFile, string combinedFile, string batchFile)
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "files@example.fi", language: language, name: "Åsa Äijälä");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;

        using var badge = await Instructor.GetAsync($"/api/clients/{client.Id}/certificates/{issued.AssertionId}");
        using var combined = await Instructor.GetAsync($"/api/clients/{client.Id}/certificates");
        using var batch = await Instructor.GetAsync($"/api/units/{Unit}/certificates?from=2026-11-01&to=2026-11-30&lang={language}");
        using var other = await Instructor.GetAsync($"/api/clients/{client.Id}/certificates/{issued.AssertionId}?lang={(language == "fi" ? "en" : "fi")}");

        var names = new[] { badge, combined, batch }.Select(r => r.Content.Headers.ContentDisposition?.FileName?.Trim('"')).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(names[0], Is.EqualTo($"{badgeFile}-{issued.AssertionId[..8]}.pdf"));
            Assert.That(names[1], Is.EqualTo($"{combinedFile}.pdf"));
            Assert.That(names[2], Is.EqualTo($"{batchFile}-2026-11-01-2026-11-30.pdf"));
            Assert.That(names, Has.All.Matches<string>(n => System.Text.RegularExpressions.Regex.IsMatch(n, "^[a-z0-9-]+\\.pdf$")), "plain ASCII, nothing to encode");
            Assert.That(names, Has.None.Contains("asa").And.None.Contains("aijala"), "no personal data in the name");
            Assert.That(other.Content.Headers.ContentDisposition?.FileName, Does.Not.StartWith(badgeFile + "-"), "an asked-for language names the file too");
        });
    }
}
