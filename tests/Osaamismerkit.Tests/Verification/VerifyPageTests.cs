using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Osaamismerkit.Tests.Verification;

/// <summary>The public verify page: a file input, and the answer in plain words in the reader's language.</summary>
public sealed class VerifyPageTests : PublicPagesTestBase
{
    [Test]
    public async Task The_page_offers_a_labelled_file_input_for_pdf_and_badge_images()
    {
        using var response = await Anonymous.GetAsync("/verify?lang=sv");
        var html = await HtmlAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<label for=\"file\">Fil</label>"));
        Assert.That(html, Does.Contain("type=\"file\"").And.Contain("accept=\"application/pdf,.pdf,image/png,.png,image/svg+xml,.svg\""));
        Assert.That(html, Does.Contain("enctype=\"multipart/form-data\""));
        Assert.That(html, Does.Contain("<html lang=\"sv\">"));
    }

    [Test]
    public async Task An_uploaded_certificate_is_said_genuine_with_its_badge_and_status_in_plain_words()
    {
        var (clientId, issued) = await IssueAsync();
        var pdf = await Instructor.GetByteArrayAsync($"/api/clients/{clientId}/certificates/{issued.AssertionId}");

        using var response = await UploadAsync(pdf, "application/pdf", "en");
        var text = Text(await HtmlAsync(response));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(text, Does.Contain("The certificate is genuine. It was signed electronically by Siun sote (development, not for production)"));
        Assert.That(text, Does.Match(System.Text.RegularExpressions.Regex.Escape(BasicBadge.Name.En) + @"\s?: Valid"));
        Assert.That(text, Does.Not.Contain("Maija"), "the holder's name is not shared");
    }

    [Test]
    public async Task A_changed_certificate_is_said_not_to_be_trusted_and_names_no_badge()
    {
        var (clientId, issued) = await IssueAsync();
        var pdf = await Instructor.GetByteArrayAsync($"/api/clients/{clientId}/certificates/{issued.AssertionId}");
        var at = Encoding.Latin1.GetString(pdf).IndexOf("/OsaamismerkitCredentials(", StringComparison.Ordinal) + "/OsaamismerkitCredentials(".Length;
        pdf[at] = (byte)(pdf[at] == (byte)'0' ? '1' : '0');

        using var response = await UploadAsync(pdf, "application/pdf", "fi");
        var text = Text(await HtmlAsync(response));

        Assert.That(text, Does.Contain("Todistusta on muutettu allekirjoituksen jälkeen"));
        Assert.That(text, Does.Not.Contain(BasicBadge.Name.Fi));
    }

    [Test]
    public async Task A_file_that_is_no_badge_gets_the_reason_on_the_page_not_an_error_page()
    {
        using var response = await UploadAsync(Encoding.UTF8.GetBytes("hello"), "text/plain", "fi");
        var html = await HtmlAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(Text(html), Does.Contain("Tiedostomuotoa ei tueta."));
        Assert.That(html, Does.Contain("type=\"file\""), "the form is there to try again");
    }

    private async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string contentType, string language)
    {
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", "upload");
        return await Anonymous.PostAsync($"/verify?lang={language}", form);
    }
}
