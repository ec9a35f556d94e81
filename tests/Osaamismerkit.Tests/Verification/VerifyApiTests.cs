using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Tests.Support;
using Osaamismerkit.Verification;
using SkiaSharp;

namespace Osaamismerkit.Tests.Verification;

public sealed class VerifyApiTests : PublicPagesTestBase
{
    [Test]
    public async Task A_baked_png_uploaded_as_a_form_file_is_reported_valid_with_badge_issuer_and_dates()
    {
        var (_, issued) = await IssueAsync();
        var png = await Anonymous.GetByteArrayAsync($"/b/{ShortIdOf(issued)}/badge.png");
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "merkki.png");

        using var response = await Anonymous.PostAsync("/api/verify?lang=en", form);
        var result = await JsonAsync(response, HttpStatusCode.OK);

        Assert.That(result.GetProperty("status").GetString(), Is.EqualTo("valid"));
        Assert.That(result.GetProperty("checkedAt").GetDateTimeOffset(), Is.EqualTo(App.Clock.GetUtcNow()));
        Assert.That(result.GetProperty("assertionId").GetString(), Is.EqualTo(issued.AssertionId));
        Assert.That(result.GetProperty("publicUrl").GetString(), Is.EqualTo(issued.PublicUrl));
        var badge = result.GetProperty("badge");
        Assert.That(badge.GetProperty("id").GetString(), Is.EqualTo(BasicBadge.Id));
        Assert.That(badge.GetProperty("name").GetString(), Is.EqualTo(BasicBadge.Name.En));
        Assert.That(badge.GetProperty("level").GetInt32(), Is.EqualTo(2));
        Assert.That(badge.GetProperty("levelName").GetString(), Does.StartWith("Basic level"));
        Assert.That(badge.GetProperty("image").GetString(), Does.EndWith($"/badges/{BasicBadge.Id}/image.png"));
        Assert.That(result.GetProperty("issuer").GetProperty("name").GetString(), Does.Contain("Siun sote"));
        Assert.That(result.GetProperty("issuer").GetProperty("url").GetString(), Does.StartWith("https://"));
        Assert.That(result.GetProperty("issuedOn").GetDateTimeOffset(), Is.EqualTo(issued.IssuedOn));
        Assert.That(result.GetProperty("expires").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(result.GetProperty("revocationReason").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [TestCase("png", "image/png")]
    [TestCase("svg", "image/svg+xml")]
    [TestCase("svg", "application/octet-stream")]
    public async Task A_baked_file_posted_as_the_raw_body_is_reported_valid(string extension, string contentType)
    {
        var (_, issued) = await IssueAsync();
        var baked = await Anonymous.GetByteArrayAsync($"/b/{ShortIdOf(issued)}/badge.{extension}");

        using var response = await PostRawAsync(baked, contentType);

        Assert.That((await JsonAsync(response, HttpStatusCode.OK)).GetProperty("status").GetString(), Is.EqualTo("valid"));
    }

    [Test]
    public async Task A_jws_posted_as_json_is_reported_valid()
    {
        var (_, issued) = await IssueAsync();
        var jws = await Anonymous.GetStringAsync(issued.JwsUrl);

        using var response = await Anonymous.PostAsJsonAsync("/api/verify", new VerifyRequest(jws));

        Assert.That((await JsonAsync(response, HttpStatusCode.OK)).GetProperty("status").GetString(), Is.EqualTo("valid"));
    }

    [Test]
    public async Task A_revoked_badge_is_reported_revoked_with_its_reason_also_from_an_image_downloaded_before()
    {
        var (_, issued) = await IssueAsync();
        var png = await Anonymous.GetByteArrayAsync($"/b/{ShortIdOf(issued)}/badge.png");
        await RevokeAsync(issued, "issued_in_error");

        using var response = await PostRawAsync(png, "image/png");
        var result = await JsonAsync(response, HttpStatusCode.OK);

        Assert.That(result.GetProperty("status").GetString(), Is.EqualTo("revoked"));
        Assert.That(result.GetProperty("revocationReason").GetString(), Is.EqualTo("Merkki myönnettiin virheellisesti."));
        Assert.That(result.GetProperty("revokedAt").GetDateTimeOffset(), Is.EqualTo(App.Clock.GetUtcNow()));
    }

    [Test]
    public async Task An_expired_badge_is_reported_expired_once_its_validity_has_passed()
    {
        var (_, issued) = await IssueAsync(badge: ExpiringBadge);
        var svg = await Anonymous.GetByteArrayAsync($"/b/{ShortIdOf(issued)}/badge.svg");
        Assert.That(issued.Expires, Is.Not.Null);

        App.Clock.SetUtcNow(issued.Expires!.Value.AddSeconds(-1));
        using var before = await PostRawAsync(svg, "image/svg+xml");
        App.Clock.SetUtcNow(issued.Expires!.Value.AddDays(1));
        using var after = await PostRawAsync(svg, "image/svg+xml");

        Assert.That((await JsonAsync(before, HttpStatusCode.OK)).GetProperty("status").GetString(), Is.EqualTo("valid"));
        var expired = await JsonAsync(after, HttpStatusCode.OK);
        Assert.That(expired.GetProperty("status").GetString(), Is.EqualTo("expired"));
        Assert.That(expired.GetProperty("expires").GetDateTimeOffset(), Is.EqualTo(issued.Expires));
    }

    [Test]
    public async Task A_tampered_payload_or_a_foreign_signature_is_reported_signature_invalid()
    {
        var (_, issued) = await IssueAsync();
        var jws = await Anonymous.GetStringAsync(issued.JwsUrl);
        var payload = IndependentJwsVerifier.Payload(jws);
        var tampered = IndependentJwsVerifier.WithPayload(jws, payload.Replace(issued.IssuedOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "2020", StringComparison.Ordinal));
        var foreign = SignWithForeignKey(jws);
        var png = await Anonymous.GetByteArrayAsync($"/b/{ShortIdOf(issued)}/badge.png");
        var original = PngBadge.Extract(png)!;

        using var tamperedJson = await Anonymous.PostAsJsonAsync("/api/verify", new VerifyRequest(tampered));
        using var foreignJson = await Anonymous.PostAsJsonAsync("/api/verify", new VerifyRequest(foreign));
        using var tamperedPng = await PostRawAsync(PngBadge.Bake(png, tampered), "image/png");

        Assert.That(tampered, Is.Not.EqualTo(jws));
        Assert.That(original, Is.EqualTo(jws));
        foreach (var response in new[] { tamperedJson, foreignJson, tamperedPng })
        {
            Assert.That((await JsonAsync(response, HttpStatusCode.OK)).GetProperty("status").GetString(), Is.EqualTo("signature-invalid"));
        }
    }

    [TestCase("random", HttpStatusCode.UnsupportedMediaType)]
    [TestCase("plain-png", HttpStatusCode.UnprocessableEntity)]
    [TestCase("plain-svg", HttpStatusCode.UnprocessableEntity)]
    [TestCase("broken-png", HttpStatusCode.UnprocessableEntity)]
    [TestCase("svg-with-dtd", HttpStatusCode.UnprocessableEntity)]
    [TestCase("empty", HttpStatusCode.BadRequest)]
    [TestCase("json-without-jws", HttpStatusCode.BadRequest)]
    [TestCase("bad-json", HttpStatusCode.BadRequest)]
    [TestCase("malformed-jws", HttpStatusCode.UnprocessableEntity)]
    [TestCase("unknown-jws", HttpStatusCode.NotFound)]
    [TestCase("foreign-url", HttpStatusCode.NotFound)]
    [TestCase("multipart-without-file", HttpStatusCode.BadRequest)]
    public async Task Unreadable_or_unknown_input_is_a_4xx_problem_never_a_server_error(string input, HttpStatusCode expected)
    {
        var (_, issued) = await IssueAsync();
        var jws = await Anonymous.GetStringAsync(issued.JwsUrl);
        using HttpContent content = input switch
        {
            "random" => Raw(RandomNumberGenerator.GetBytes(4096), "application/octet-stream"),
            "plain-png" => Raw(PlainPng(), "image/png"),
            "plain-svg" => Raw("""<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>"""u8.ToArray(), "image/svg+xml"),
            "broken-png" => Raw(PngBadge.Bake(PlainPng(), jws)[..200], "image/png"),
            "svg-with-dtd" => Raw(Encoding.UTF8.GetBytes($"""<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="{jws}"/>&x;</svg>"""), "image/svg+xml"),
            "empty" => Raw([], "image/png"),
            "json-without-jws" => JsonContent.Create(new { badge = "x" }),
            "bad-json" => Raw("{ nope"u8.ToArray(), "application/json"),
            "malformed-jws" => JsonContent.Create(new VerifyRequest("abc.def.ghi")),
            "unknown-jws" => JsonContent.Create(new VerifyRequest(IndependentJwsVerifier.WithPayload(jws, IndependentJwsVerifier.Payload(jws).Replace(issued.AssertionId, Guid.NewGuid().ToString(), StringComparison.Ordinal)))),
            "foreign-url" => Raw(SvgWith($"https://elsewhere.example/ob/assertions/{issued.AssertionId}"), "image/svg+xml"),
            "multipart-without-file" => new MultipartFormDataContent { { new StringContent("x"), "note" } },
            _ => throw new ArgumentOutOfRangeException(nameof(input)),
        };

        using var response = await Anonymous.PostAsync("/api/verify", content);

        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await JsonAsync(response, expected)).GetProperty("title").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task A_hosted_assertion_url_of_this_service_baked_into_an_svg_is_checked_too()
    {
        var (_, issued) = await IssueAsync();

        using var response = await PostRawAsync(SvgWith(issued.JsonUrl), "image/svg+xml");

        Assert.That((await JsonAsync(response, HttpStatusCode.OK)).GetProperty("status").GetString(), Is.EqualTo("valid"));
    }

    [Test]
    public async Task Uploads_over_two_megabytes_are_refused_before_they_are_read()
    {
        var big = new byte[PresentedBadges.MaxBytes + 70_000];
        PlainPng().CopyTo(big, 0);

        using var raw = await PostRawAsync(big, "image/png");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(big), "file", "big.png" } };
        using var multipart = await Anonymous.PostAsync("/api/verify", form);
        using var chunked = await Anonymous.PostAsync("/api/verify", new StreamContent(new UnknownLengthStream(big)) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } });

        Assert.That(raw.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(multipart.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(chunked.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task The_verification_json_is_served_by_short_id_and_by_uuid_with_cors_for_other_sites()
    {
        var (_, issued) = await IssueAsync();

        foreach (var id in new[] { ShortIdOf(issued), issued.AssertionId })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/verify/{id}") { Headers = { { "Origin", "https://employer.example" } } };
            using var response = await Anonymous.SendAsync(request);
            var result = await JsonAsync(response, HttpStatusCode.OK);

            Assert.That(result.GetProperty("status").GetString(), Is.EqualTo("valid"));
            Assert.That(result.GetProperty("assertionId").GetString(), Is.EqualTo(issued.AssertionId));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("*"));
        }
    }

    [TestCase("AAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("not-an-id")]
    [TestCase("00000000-0000-0000-0000-000000000000")]
    public async Task An_unknown_or_malformed_id_is_a_problem_not_found(string id)
    {
        using var response = await Anonymous.GetAsync($"/api/verify/{id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    private Task<HttpResponseMessage> PostRawAsync(byte[] body, string contentType) => Anonymous.PostAsync("/api/verify", Raw(body, contentType));

    private static ByteArrayContent Raw(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    private static byte[] SvgWith(string verify) =>
        Encoding.UTF8.GetBytes($"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="{verify}"/></svg>""");

    private static byte[] PlainPng()
    {
        using var bitmap = new SKBitmap(16, 16);
        bitmap.Erase(SKColors.SteelBlue);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static string SignWithForeignKey(string jws)
    {
        var parts = jws.Split('.');
        using var rsa = RSA.Create(2048);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return parts[0] + "." + parts[1] + "." + Convert.ToBase64String(signature).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
