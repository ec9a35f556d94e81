using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.IdentityModel.Tokens;
using Osaamismerkit.Assessments;

namespace Osaamismerkit.Tests.Credentials;

/// <summary>
/// Baked Open Badges 3.0 images (spec §5.3): the PNG's iTXt "openbadgecredential" and the SVG's openbadges:credential in
/// the v3p0 namespace hold the badge's VC-JWT. Read here by the test's own PNG and XML reading, not the service's, and
/// verified by jose; then presented to /api/verify and the /verify page, which answer as for OB 2.0.
/// </summary>
public sealed partial class BakedCredentialTests : CredentialTestBase
{
    private static readonly XNamespace Ob3 = "https://purl.imsglobal.org/ob/v3p0";

    [Test]
    public async Task The_OB3_PNG_holds_one_uncompressed_openbadgecredential_chunk_with_the_holders_VC_JWT_that_jose_verifies()
    {
        var (_, badge) = await IssueAsync();

        var chunks = TextChunks(await DownloadAsync(badge, "credential.png", "image/png"));

        Assert.That(chunks.Select(c => c.Keyword), Is.EqualTo(new[] { "openbadgecredential" }), "one OB 3.0 chunk, no OB 2.0 one beside it");
        Assert.That(chunks[0].Compressed, Is.False, "§5.3: compression MUST NOT be used");
        await AssertHoldersCredentialAsync(chunks[0].Text, badge);
    }

    [Test]
    public async Task The_OB3_SVG_holds_one_openbadges_credential_element_in_the_v3p0_namespace_with_the_VC_JWT()
    {
        var (_, badge) = await IssueAsync();

        var svg = XDocument.Parse(Encoding.UTF8.GetString(await DownloadAsync(badge, "credential.svg", "image/svg+xml")));
        var elements = svg.Descendants(Ob3 + "credential").ToList();

        Assert.That(elements, Has.Count.EqualTo(1));
        Assert.That(elements[0].Parent, Is.SameAs(svg.Root), "directly inside <svg>");
        Assert.That(svg.Root!.GetNamespaceOfPrefix("openbadges")?.NamespaceName, Is.EqualTo(Ob3.NamespaceName));
        Assert.That(svg.Descendants(XName.Get("assertion", "http://openbadges.org")), Is.Empty);
        await AssertHoldersCredentialAsync(elements[0].Attribute("verify")!.Value, badge);
    }

    [Test]
    public async Task The_wallet_page_offers_the_OB3_picture_beside_the_OB2_one_in_the_holders_language()
    {
        var (clientId, badge) = await IssueAsync();
        var wallet = await WalletPathAsync(clientId);

        using var response = await Anonymous.GetAsync($"{wallet}/b/{ShortIdOf(badge)}?lang=sv");
        var html = await HtmlAsync(response);

        Assert.That(html, Does.Contain($"href=\"/b/{ShortIdOf(badge)}/badge.png?lang=sv\""));
        Assert.That(html, Does.Contain($"href=\"/b/{ShortIdOf(badge)}/credential.png?lang=sv\" download>Spara bilden i det nya formatet (Open Badges 3.0)</a>"));
    }

    [Test]
    public async Task The_verify_API_takes_the_baked_OB3_PNG_and_SVG_and_says_revoked_after_a_revocation()
    {
        var (_, badge) = await IssueAsync();
        var png = await DownloadAsync(badge, "credential.png", "image/png");
        var svg = await DownloadAsync(badge, "credential.svg", "image/svg+xml");

        var before = new[] { await VerifyAsync(png, "image/png"), await VerifyAsync(svg, "image/svg+xml") };
        await RevokeAsync(badge, "issued_in_error");
        var after = new[] { await VerifyAsync(png, "image/png"), await VerifyAsync(svg, "image/svg+xml") };

        Assert.Multiple(() =>
        {
            foreach (var answer in before)
            {
                Assert.That(answer["status"]!.GetValue<string>(), Is.EqualTo("valid"));
                Assert.That(answer["assertionId"]!.GetValue<string>(), Is.EqualTo(badge.AssertionId));
            }

            foreach (var answer in after)
            {
                Assert.That(answer["status"]!.GetValue<string>(), Is.EqualTo("revoked"));
            }
        });
    }

    [Test]
    public async Task The_verify_page_takes_an_uploaded_OB3_image_and_a_pasted_VC_JWT_or_JSON_credential()
    {
        var (_, badge) = await IssueAsync();
        var png = await DownloadAsync(badge, "credential.png", "image/png");
        var jwt = await JwtAsync(badge);
        var json = (await CredentialWithProofAsync(badge)).ToJsonString();
        var valid = new Regex(Regex.Escape(BasicBadge.Name.En) + @"\s?: Valid");

        var fromImage = await VerifyPageAsync("en", file: (png, "image/png"));
        var fromJwt = await VerifyPageAsync("en", pasted: jwt);
        var fromJson = await VerifyPageAsync("en", pasted: json);

        Assert.Multiple(() =>
        {
            foreach (var (status, text) in new[] { fromImage, fromJwt, fromJson })
            {
                Assert.That(status, Is.EqualTo(HttpStatusCode.OK), text);
                Assert.That(text, Does.Match(valid));
                Assert.That(text, Does.Not.Contain("Maija"), "the holder's name is not shared");
            }
        });
    }

    [Test]
    public async Task The_verify_page_says_revoked_not_genuine_or_unknown_for_OB3_credentials_as_for_OB2()
    {
        var (_, badge) = await IssueAsync();
        var (_, other) = await IssueAsync(email: "other@example.fi");
        var jwt = await JwtAsync(badge);
        var parts = (await JwtAsync(other)).Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload["credentialSubject"]!["achievement"]!["name"] = "Jotain muuta";
        var tampered = parts[0] + "." + Base64UrlEncoder.Encode(payload.ToJsonString()) + "." + parts[2];
        var unknown = await CredentialWithProofAsync(other);
        unknown["id"] = "urn:uuid:" + Guid.NewGuid();
        await RevokeAsync(badge, "issued_in_error");

        var revoked = await VerifyPageAsync("en", pasted: jwt);
        var notGenuine = await VerifyPageAsync("en", pasted: tampered);
        var notOurs = await VerifyPageAsync("en", pasted: unknown.ToJsonString());

        Assert.Multiple(() =>
        {
            Assert.That(revoked.Text, Does.Match(Regex.Escape(BasicBadge.Name.En) + @"\s?: Revoked"));
            Assert.That(notGenuine.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(notGenuine.Text, Does.Contain("Not genuine"));
            Assert.That(notOurs.Status, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    /// <summary>The value jose accepts from our DID document, naming this holder's assertion and badge.</summary>
    private async Task AssertHoldersCredentialAsync(string baked, IssuedBadge badge)
    {
        var answer = await VerifyJwtAsync(baked);
        Assert.That(CredentialCheck.Valid(answer), Is.True, CredentialCheck.Describe(answer));
        Assert.Multiple(() =>
        {
            Assert.That(answer["payload"]!["jti"]!.GetValue<string>(), Is.EqualTo("urn:uuid:" + badge.AssertionId));
            Assert.That(answer["payload"]!["credentialSubject"]!["achievement"]!["name"]!.GetValue<string>(), Is.EqualTo(BasicBadge.Name.In("fi")));
            Assert.That(answer["payload"]!["credentialSubject"]!["identifier"], Is.Null, "nothing that identifies the holder");
        });
    }

    private async Task<byte[]> DownloadAsync(IssuedBadge badge, string file, string contentType)
    {
        using var response = await Anonymous.GetAsync($"/b/{ShortIdOf(badge)}/{file}?lang=fi");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(contentType));
        Assert.That(response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, Does.EndWith(".ob3." + file.Split('.')[^1]));
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<JsonObject> VerifyAsync(byte[] image, string contentType)
    {
        using var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await Anonymous.PostAsync("/api/verify", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Posts the page's own form as a browser does: the file part is sent, empty, when only the text is filled in.</summary>
    private async Task<(HttpStatusCode Status, string Text)> VerifyPageAsync(string language, (byte[] Bytes, string Type)? file = null, string? pasted = null)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file?.Bytes ?? []);
        part.Headers.ContentType = new MediaTypeHeaderValue(file?.Type ?? "application/octet-stream");
        part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{(file is null ? string.Empty : "badge")}\"");
        form.Add(part);
        form.Add(new StringContent(pasted ?? string.Empty), "jws");
        using var response = await Anonymous.PostAsync($"/verify?lang={language}", form);
        return (response.StatusCode, Text(await HtmlAsync(response)));
    }

    /// <summary>The tEXt/iTXt chunks of a PNG, read straight from the bytes (PNG §11.3.4), checking each CRC.</summary>
    private static List<(string Keyword, bool Compressed, string Text)> TextChunks(byte[] png)
    {
        Assert.That(png.AsSpan(0, 8).ToArray(), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        var found = new List<(string, bool, string)>();
        var position = 8;
        while (position < png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position));
            var type = Encoding.ASCII.GetString(png, position + 4, 4);
            var data = png.AsSpan(position + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position + 8 + length));
            Assert.That(System.IO.Hashing.Crc32.HashToUInt32(png.AsSpan(position + 4, length + 4)), Is.EqualTo(crc), type);
            if (type == "iTXt")
            {
                var keywordEnd = Array.IndexOf(data, (byte)0);
                var compressed = data[keywordEnd + 1] != 0;
                var languageEnd = Array.IndexOf(data, (byte)0, keywordEnd + 3);
                var translatedEnd = Array.IndexOf(data, (byte)0, languageEnd + 1);
                found.Add((Encoding.Latin1.GetString(data, 0, keywordEnd), compressed, Encoding.UTF8.GetString(data, translatedEnd + 1, data.Length - translatedEnd - 1)));
            }
            else if (type == "tEXt")
            {
                var keywordEnd = Array.IndexOf(data, (byte)0);
                found.Add((Encoding.Latin1.GetString(data, 0, keywordEnd), false, Encoding.Latin1.GetString(data, keywordEnd + 1, data.Length - keywordEnd - 1)));
            }

            position += 12 + length;
        }

        return found;
    }
}
