using System.Net;
using System.Text.Json;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Tests.Support;
using Osaamismerkit.Verification;
using SkiaSharp;

namespace Osaamismerkit.Tests.Verification;

public sealed class BakedDownloadTests : PublicPagesTestBase
{
    [Test]
    public async Task A_baked_png_from_the_service_carries_the_signed_assertion_which_verifies_against_the_published_key()
    {
        var (_, issued) = await IssueAsync();

        using var response = await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}/badge.png");
        var png = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        var jws = PngBadge.Extract(png)!;
        Assert.That(jws, Is.EqualTo(await Anonymous.GetStringAsync(issued.JwsUrl)));
        Assert.That(IndependentJwsVerifier.Verify(jws, await PublicKeyPemAsync(jws)), Is.True);
        Assert.That(JsonDocument.Parse(IndependentJwsVerifier.Payload(jws)).RootElement.GetProperty("id").GetString(), Is.EqualTo("urn:uuid:" + issued.AssertionId));
        using var bitmap = SKBitmap.Decode(png);
        Assert.That(bitmap.Width, Is.GreaterThanOrEqualTo(256), "still the badge artwork");
    }

    [Test]
    public async Task A_baked_svg_from_the_service_carries_the_signed_assertion_in_the_openbadges_namespace()
    {
        var (_, issued) = await IssueAsync();

        using var response = await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}/badge.svg");
        var svg = await response.Content.ReadAsStringAsync();

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/svg+xml"));
        Assert.That(svg, Does.Contain("xmlns:openbadges=\"http://openbadges.org\""));
        var jws = SvgBadge.Extract(svg)!;
        Assert.That(svg, Does.Contain($"<openbadges:assertion verify=\"{jws}\""));
        Assert.That(IndependentJwsVerifier.Verify(jws, await PublicKeyPemAsync(jws)), Is.True);
    }

    [TestCase("png", "fi", "osaamismerkki-")]
    [TestCase("svg", "sv", "kompetensmarke-")]
    public async Task Downloads_are_attachments_with_a_file_name_people_recognise(string extension, string language, string prefix)
    {
        var (_, issued) = await IssueAsync();

        using var response = await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}/badge.{extension}?lang={language}");

        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.That(disposition.DispositionType, Is.EqualTo("attachment"));
        var expected = DownloadNames.For(prefix.TrimEnd('-'), BasicBadge.Name.In(language), extension);
        Assert.That(disposition.FileNameStar ?? disposition.FileName, Is.EqualTo(expected));
        Assert.That(expected, Does.Match($"^{prefix}[a-z0-9-]+\\.{extension}$"));
    }

    [Test]
    public void File_names_are_plain_ascii_without_finnish_letters_or_punctuation()
    {
        Assert.That(DownloadNames.For("osaamismerkki", "Sähköposti – perustaso", "png"), Is.EqualTo("osaamismerkki-sahkoposti-perustaso.png"));
        Assert.That(DownloadNames.For("kompetensmärke", "Å, Ä & Ö!", "svg"), Is.EqualTo("kompetensmarke-a-a-o.svg"));
        Assert.That(DownloadNames.Slug("–––"), Is.EqualTo("badge"));
    }

    [TestCase("badge.png")]
    [TestCase("badge.svg")]
    [TestCase("qr.svg")]
    [TestCase("qr.png")]
    public async Task Unknown_or_malformed_ids_are_problem_details_never_errors(string file)
    {
        foreach (var id in new[] { Osaamismerkit.OpenBadges.ShortIds.Encode(Guid.NewGuid()), "nonsense", "AAAAAAAAAAAAAAAAAAAAA!", Guid.NewGuid().ToString() })
        {
            using var response = await Anonymous.GetAsync($"/b/{Uri.EscapeDataString(id)}/{file}");

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), id);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), id);
        }
    }

    [Test]
    public async Task The_qr_code_is_an_svg_and_a_png_for_the_public_page_address()
    {
        var (_, issued) = await IssueAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/b/{ShortIdOf(issued)}/qr.svg") { Headers = { { "Origin", "https://employer.example" } } };
        using var svg = await Anonymous.SendAsync(request);
        using var png = await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}/qr.png");

        var svgText = await svg.Content.ReadAsStringAsync();
        Assert.That(svg.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/svg+xml"));
        Assert.That(svgText, Does.StartWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        Assert.That(svgText, Does.Not.Contain("style="));
        Assert.That(svg.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("*"));
        using var bitmap = SKBitmap.Decode(await png.Content.ReadAsByteArrayAsync());
        Assert.That(bitmap.Width, Is.EqualTo(bitmap.Height));
        Assert.That(QrDecoding.Decode(await png.Content.ReadAsByteArrayAsync()), Is.EqualTo(issued.PublicUrl));
    }
}
