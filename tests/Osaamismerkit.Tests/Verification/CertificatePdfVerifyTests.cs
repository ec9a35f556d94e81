using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Osaamismerkit.Certificates;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Tests.Certificates;

namespace Osaamismerkit.Tests.Verification;

/// <summary>
/// The verify API given a certificate PDF the service printed: its signature checked over the bytes, the badges it names
/// with their live status; every file that is not such a certificate answered with problem details, never a 500.
/// </summary>
public sealed class CertificatePdfVerifyTests : PublicPagesTestBase
{
    [Test]
    public async Task A_printed_certificate_is_reported_intact_signed_by_the_service_with_its_badge_valid()
    {
        var (clientId, issued) = await IssueAsync();
        var pdf = await Instructor.GetByteArrayAsync($"/api/clients/{clientId}/certificates/{issued.AssertionId}");

        using var response = await PostPdfAsync(pdf);
        var result = await JsonAsync(response, HttpStatusCode.OK);

        Assert.That(result.GetProperty("signature").GetString(), Is.EqualTo("valid"));
        Assert.That(result.GetProperty("signedBy").GetString(), Is.EqualTo("Siun sote (development, not for production)"));
        Assert.That(result.GetProperty("signedAt").GetDateTimeOffset(), Is.EqualTo(App.Clock.GetUtcNow()));
        var badge = result.GetProperty("badges").EnumerateArray().Single();
        Assert.That(badge.GetProperty("assertionId").GetString(), Is.EqualTo(issued.AssertionId));
        Assert.That(badge.GetProperty("status").GetString(), Is.EqualTo("valid"));
        Assert.That(badge.GetProperty("badge").GetProperty("id").GetString(), Is.EqualTo(BasicBadge.Id));
        Assert.That(badge.GetProperty("publicUrl").GetString(), Is.EqualTo(issued.PublicUrl));
    }

    [Test]
    public async Task A_certificate_printed_before_a_revocation_shows_the_badge_revoked_now()
    {
        var (clientId, issued) = await IssueAsync();
        var pdf = await Instructor.GetByteArrayAsync($"/api/clients/{clientId}/certificates/{issued.AssertionId}");
        await RevokeAsync(issued, "issued_in_error");

        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "osaamistodistus.pdf");
        using var response = await Anonymous.PostAsync("/api/verify?lang=en", form);
        var result = await JsonAsync(response, HttpStatusCode.OK);

        Assert.That(result.GetProperty("signature").GetString(), Is.EqualTo("valid"));
        var badge = result.GetProperty("badges").EnumerateArray().Single();
        Assert.That(badge.GetProperty("status").GetString(), Is.EqualTo("revoked"));
        Assert.That(badge.GetProperty("revocationReason").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task A_combined_certificate_names_every_badge_it_certifies()
    {
        var (clientId, first) = await IssueAsync();
        var second = await IssueToAsync(clientId, ExpiringBadge);
        var pdf = await Instructor.GetByteArrayAsync($"/api/clients/{clientId}/certificates");

        using var response = await PostPdfAsync(pdf);
        var result = await JsonAsync(response, HttpStatusCode.OK);

        Assert.That(result.GetProperty("signature").GetString(), Is.EqualTo("valid"));
        Assert.That(
            result.GetProperty("badges").EnumerateArray().Select(b => b.GetProperty("assertionId").GetString()),
            Is.EquivalentTo(new[] { first.AssertionId, second.AssertionId }));
    }

    [Test]
    public async Task A_byte_changed_after_signing_makes_the_api_and_pdfsig_say_the_signature_is_invalid()
    {
        var pdfsig = ExternalTools.Require("pdfsig", "poppler-utils");
        var (clientId, issued) = await IssueAsync();
        var pdf = await Instructor.GetByteArrayAsync($"/api/clients/{clientId}/certificates/{issued.AssertionId}");
        var tampered = pdf.ToArray();
        // The same byte the pdfsig test changes: one digit of the credential id in the document information.
        var at = Encoding.Latin1.GetString(tampered).IndexOf("/OsaamismerkitCredentials(", StringComparison.Ordinal) + "/OsaamismerkitCredentials(".Length;
        tampered[at] = (byte)(tampered[at] == (byte)'0' ? '1' : '0');

        using var original = await PostPdfAsync(pdf);
        using var changed = await PostPdfAsync(tampered);

        Assert.That((await JsonAsync(original, HttpStatusCode.OK)).GetProperty("signature").GetString(), Is.EqualTo("valid"));
        Assert.That(ExternalTools.Run(pdfsig, Temp(pdf)).Output, Does.Contain("Signature Validation: Signature is Valid."));
        var result = await JsonAsync(changed, HttpStatusCode.OK);
        Assert.That(result.GetProperty("signature").GetString(), Is.EqualTo("invalid"));
        Assert.That(result.GetProperty("badges").GetArrayLength(), Is.Zero, "a changed file may name any badge");
        Assert.That(ExternalTools.Run(pdfsig, Temp(tampered)).Output, Does.Contain("Signature is Invalid").Or.Contain("Digest Mismatch"));
    }

    [Test]
    public async Task Bytes_appended_after_the_signature_make_it_invalid()
    {
        var (clientId, issued) = await IssueAsync();
        var pdf = await Instructor.GetByteArrayAsync($"/api/clients/{clientId}/certificates/{issued.AssertionId}");
        var appended = pdf.Concat(Encoding.ASCII.GetBytes("\n1 0 obj\n<</Title(Muutettu)>>\nendobj\n%%EOF\n")).ToArray();

        using var response = await PostPdfAsync(appended);

        Assert.That((await JsonAsync(response, HttpStatusCode.OK)).GetProperty("signature").GetString(), Is.EqualTo("invalid"));
    }

    [Test]
    public async Task A_certificate_signed_by_a_certificate_the_service_never_used_is_reported_unknown_signer_without_badges()
    {
        var pdf = CertificateSamples.SignedBadgeRenderer().Render(CertificateSamples.Issuer, CertificateSamples.Recipient(), CertificateSamples.FinnishBadge());

        using var response = await PostPdfAsync(pdf);
        var result = await JsonAsync(response, HttpStatusCode.OK);

        Assert.That(result.GetProperty("signature").GetString(), Is.EqualTo("unknown-signer"));
        Assert.That(result.GetProperty("badges").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_certificate_signed_with_an_earlier_certificate_of_the_service_stays_valid()
    {
        var folder = Directory.CreateTempSubdirectory("osaamismerkit-earlier-signing-").FullName;
        var earlier = DocumentSigningCertificate.Development(folder);
        var (clientId, issued) = await IssueAsync();
        // The service once ran with this certificate: start-up recorded it as it records the current one.
        await new DocumentSigningCertificate(
            Options.Create(new DocumentSigningOptions { PfxPath = Path.Combine(folder, "development-document-signing.pfx") }),
            App.Service<Osaamismerkit.Infrastructure.Database.Database>(), App.Service<AuditLog>(), App.Clock,
            App.Service<Microsoft.Extensions.Hosting.IHostEnvironment>(), NullLogger<DocumentSigningCertificate>.Instance).LoadAsync();
        var pdf = new BadgeCertificateRenderer(CertificateSamples.Fonts, App.Clock, new DocumentSigningCertificate(earlier))
            .Render(CertificateSamples.Issuer, CertificateSamples.Recipient(), CertificateSamples.FinnishBadge() with { CredentialId = issued.AssertionId });

        using var response = await PostPdfAsync(pdf);
        var result = await JsonAsync(response, HttpStatusCode.OK);

        Assert.That(result.GetProperty("signature").GetString(), Is.EqualTo("valid"));
        Assert.That(result.GetProperty("badges").EnumerateArray().Single().GetProperty("assertionId").GetString(), Is.EqualTo(issued.AssertionId));
    }

    [Test]
    public async Task The_answer_tells_nothing_of_the_holder_the_public_badge_page_does_not()
    {
        var (clientId, issued) = await IssueAsync(email: "maija.private@example.fi", phone: "0401234567");
        var pdf = await Instructor.GetByteArrayAsync($"/api/clients/{clientId}/certificates/{issued.AssertionId}");

        using var response = await PostPdfAsync(pdf);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(body, Does.Not.Contain("Maija").And.Not.Contain("maija.private").And.Not.Contain("0401234567").And.Not.Contain(clientId));
    }

    [Test]
    public async Task A_file_sent_as_pdf_that_is_none_gets_415_problem_details_in_the_asked_language()
    {
        using var response = await PostPdfAsync(Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "?lang=sv");

        var problem = await JsonAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Filen är ingen PDF."));
    }

    [Test]
    public async Task A_pdf_that_is_no_certificate_of_the_service_gets_422_problem_details()
    {
        using var response = await PostPdfAsync(Reports.ReportPdfTests.Sample(), "?lang=en");

        var problem = await JsonAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("The file is not a skill certificate."));
    }

    [TestCase("%PDF-1.7\n/ByteRange [0 10 5 3] /Contents <30>")]
    [TestCase("%PDF-1.7\n/ByteRange [0 99999999 99999999 99999999]")]
    [TestCase("%PDF-1.7\n/ByteRange [0 9 20 0]xx<3082ffff>")]
    [TestCase("%PDF-1.7\n/ByteRange [0 9 20 0]xx<zz>/OsaamismerkitCredentials(not-a-guid)")]
    public async Task A_broken_signature_is_reported_invalid_never_a_500(string pdf)
    {
        using var response = await PostPdfAsync(Encoding.Latin1.GetBytes(pdf));

        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200).Or.EqualTo(422), body);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("signature").GetString(), Is.EqualTo("invalid"));
        }
    }

    [Test]
    public async Task A_pdf_over_two_megabytes_gets_413_problem_details()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n").Concat(new byte[(2 * 1024 * 1024) + 1]).ToArray();

        using var response = await PostPdfAsync(pdf);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    private async Task<HttpResponseMessage> PostPdfAsync(byte[] pdf, string query = "")
    {
        using var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return await Anonymous.PostAsync("/api/verify" + query, content);
    }

    private static string Temp(byte[] pdf)
    {
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"verify-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        return file;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
