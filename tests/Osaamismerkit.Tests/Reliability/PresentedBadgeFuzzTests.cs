using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Hashing;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reliability;

/// <summary>
/// What employers' tools might post to <c>POST /api/verify</c>, made from a real baked badge and then broken: PNGs with
/// wrong CRCs, impossible and huge chunks, cut-off files; SVGs with entities, deep nesting and huge attributes; JWSs
/// that are not JWSs, forged, re-signed or tampered; JSON and multipart of every wrong shape. Each gets the exact answer it
/// deserves, quickly: the specific 4xx problem, or a verdict — and "valid" only where the genuine badge is inside unchanged.
/// The Open Badges 3.0 images (keyword "openbadgecredential", openbadges:credential in the v3p0 namespace) are broken the
/// same way, and the verify page gets them too: never a 500.
/// </summary>
[Category("Fuzz")]
public sealed class PresentedBadgeFuzzTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    // The answers a presented badge can deserve: a verdict on a badge of ours, or the problem status for each refusal.
    private const string Valid = "200 valid";
    private const string SignatureInvalid = "200 signature-invalid";
    private const string Missing = "400";
    private const string Unknown = "404";
    private const string Unsupported = "415";
    private const string NoBadge = "422";
    private const string Malformed = "422";

    private TestApp _app = null!;
    private HttpClient _anonymous = null!;
    private byte[] _png = null!;
    private string _svg = null!;
    private string _jws = null!;
    private string _assertionId = null!;
    private byte[] _ob3Png = null!;
    private string _ob3Svg = null!;
    private string _vcJwt = null!;
    private string _credentialJson = null!;

    [OneTimeSetUp]
    public async Task IssueOneBadge()
    {
        _app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:PublicPermitsPerMinute"] = "1000000" });
        var scenario = new Scenario(_app);
        var unit = await scenario.UnitAsync("instructor-1");
        using var instructor = scenario.Instructor("instructor-1");
        var client = await scenario.ClientAsync(instructor, unit, email: "esittaja@example.fi");
        var badge = scenario.Catalogue.Badges.First(b => b.Kind == BadgeKind.Skill && b.Level == 2);
        var issued = (await Scenario.PassAsync(instructor, Scenario.Passing(badge, client.Id, unit))).Badge!;
        _anonymous = _app.CreateClient();
        _anonymous.Timeout = Bound;
        _assertionId = issued.AssertionId;
        var shortId = ShortIds.Encode(Guid.Parse(issued.AssertionId));
        _png = await _anonymous.GetByteArrayAsync($"/b/{shortId}/badge.png");
        _svg = await _anonymous.GetStringAsync($"/b/{shortId}/badge.svg");
        _jws = await _anonymous.GetStringAsync(issued.JwsUrl);
        _ob3Png = await _anonymous.GetByteArrayAsync($"/b/{shortId}/credential.png");
        _ob3Svg = await _anonymous.GetStringAsync($"/b/{shortId}/credential.svg");
        _vcJwt = await _anonymous.GetStringAsync($"/ob3/credentials/{issued.AssertionId}/jwt");
        _credentialJson = await _anonymous.GetStringAsync($"/ob3/credentials/{issued.AssertionId}");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _anonymous.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task Broken_pngs_svgs_jwss_and_bodies_each_get_the_exact_problem_or_verdict_they_deserve_quickly(CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        var cases = Corpus().ToList();
        foreach (var (name, content, expected) in cases)
        {
            using var body = content();
            var clock = Stopwatch.StartNew();
            using var response = await _anonymous.PostAsync("/api/verify", body, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            var answer = Answer(response, text);
            if (answer != expected)
            {
                failures.Add($"{name}: expected {expected}, got {answer} {(text.Length > 300 ? text[..300] : text)}");
            }
        }

        TestContext.Out.WriteLine($"{cases.Count} presented badges, slowest answer {slowest.TotalMilliseconds:0} ms");
        Assert.That(failures, Is.Empty);
        Assert.That(slowest, Is.LessThan(Bound));
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task Broken_OB3_images_and_credentials_on_the_verify_page_get_a_page_with_the_same_status_never_a_500(CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var cases = Ob3Corpus().ToList();
        foreach (var (name, content, expected) in cases)
        {
            using var form = new MultipartFormDataContent();
            var file = content();
            form.Add(file, "file", "badge");
            using var response = await _anonymous.PostAsync("/verify?lang=en", form, cancellationToken);
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (response.Content.Headers.ContentType?.MediaType != "text/html" || status != expected[..3])
            {
                failures.Add($"{name}: expected {expected[..3]} as a page, got {status} as {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        TestContext.Out.WriteLine($"{cases.Count} OB 3.0 presentations on the verify page");
        Assert.That(failures, Is.Empty);
    }

    /// <summary>
    /// "200 valid" and the like for a verdict, "422" and the like for a problem; anything else (a 4xx that is not problem
    /// details, a 200 without a status) is spelled out so that it never equals an expectation.
    /// </summary>
    private static string Answer(HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (status == 200 && mediaType == "application/json")
        {
            using var verdict = System.Text.Json.JsonDocument.Parse(text);
            return verdict.RootElement.TryGetProperty("status", out var value) ? $"200 {value}" : "200 without a status";
        }

        return status is >= 400 and < 500 && mediaType == "application/problem+json"
            ? status.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"{status} as {mediaType ?? "nothing"}";
    }

    private IEnumerable<(string Name, Func<HttpContent> Content, string Expected)> Corpus()
    {
        static Func<HttpContent> Raw(byte[] bytes, string? type = "image/png") => () =>
        {
            var content = new ByteArrayContent(bytes);
            if (type is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", type);
            }

            return content;
        };

        Func<HttpContent> Svg(string svg) => Raw(Encoding.UTF8.GetBytes(svg), "image/svg+xml");
        Func<HttpContent> Json(string json) => Raw(Encoding.UTF8.GetBytes(json), "application/json");

        // PNGs: every chunk's CRC broken in turn, every length impossible, the file cut anywhere.
        var chunks = ChunkOffsets(_png);
        foreach (var (offset, length, index) in chunks.Select((c, i) => (c.Offset, c.Length, i)))
        {
            yield return ($"png with chunk {index}'s CRC broken", Raw(With(_png, offset + 8 + length, b => b ^ 0xFF)), NoBadge);
            foreach (var impossible in new uint[] { 0x7FFFFFFF, 0xFFFFFFFF, (uint)Osaamismerkit.PublicPages.PngBadge.MaxChunkLength + 1, (uint)_png.Length })
            {
                yield return ($"png with chunk {index} claiming {impossible} bytes", Raw(WithLength(_png, offset, impossible)), NoBadge);
            }
        }

        foreach (var cut in Enumerable.Range(1, 24).Select(i => _png.Length * i / 25).Append(8).Append(9).Append(_png.Length - 1))
        {
            yield return ($"png cut at {cut} bytes", Raw(_png[..cut]), NoBadge);
        }

        var ihdrEnd = chunks[0].Offset + 12 + chunks[0].Length;
        yield return ("png with a 1 MB chunk", Raw(Insert(_png, ihdrEnd, Chunk("tEXt", new byte[Osaamismerkit.PublicPages.PngBadge.MaxChunkLength]))), Valid);
        yield return ("png with 140 000 empty chunks", Raw(Insert(_png, ihdrEnd, Enumerable.Range(0, 140_000).SelectMany(_ => Chunk("zzZz", [])).ToArray())), Valid);
        yield return ("png baked twice", Raw(Insert(_png, ihdrEnd, Chunk("iTXt", ITxt(_jws)))), NoBadge);
        yield return ("png with a compressed iTXt", Raw(Insert(Unbaked(), IhdrEnd(Unbaked()), Chunk("iTXt", [.. "openbadges"u8, 0, 1, 0, 0, 0, .. "eJz"u8]))), NoBadge);
        yield return ("png with an iTXt without separators", Raw(Insert(Unbaked(), IhdrEnd(Unbaked()), Chunk("iTXt", [.. "openbadges"u8, 0, 0]))), NoBadge);
        yield return ("png with a tEXt of binary junk", Raw(Insert(Unbaked(), IhdrEnd(Unbaked()), Chunk("tEXt", [.. "openbadges"u8, 0, 0xFF, 0xFE, 0x00, 0x80]))), NoBadge);
        yield return ("png with a 900 kB fake JWS", Raw(Insert(Unbaked(), IhdrEnd(Unbaked()), Chunk("iTXt", ITxt(new string('a', 300_000) + "." + new string('b', 300_000) + "." + new string('c', 300_000))))), NoBadge);
        yield return ("png without IEND", Raw(_png[..chunks[^1].Offset]), NoBadge);
        yield return ("png whose first chunk is not IHDR", Raw([.. _png[..8], .. _png[ihdrEnd..]]), NoBadge);
        yield return ("the png signature alone", Raw(_png[..8]), NoBadge);
        yield return ("png as octet-stream without a type", Raw(_png, null), Valid);
        yield return ("png with a malformed content type", Raw(_png, "image/png; charset=\"../../etc"), Valid);

        // SVGs: entities, nesting, size, several or foreign assertions, other encodings.
        yield return ("svg with an external entity", Svg("""<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>"""), NoBadge);
        yield return ("svg with a billion laughs", Svg("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><svg>&lol3;</svg>"""), NoBadge);
        yield return ("svg nested 200 000 deep", Svg("<svg xmlns=\"http://www.w3.org/2000/svg\">" + string.Concat(Enumerable.Repeat("<g>", 200_000)) + string.Concat(Enumerable.Repeat("</g>", 200_000)) + "</svg>"), NoBadge);
        yield return ("svg with a 1.9 MB attribute", Svg($"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="{new string('a', 1_900_000)}"/></svg>"""), NoBadge);
        yield return ("svg with two assertions", Svg(_svg.Replace("<openbadges:assertion", "<openbadges:assertion verify=\"x\"/><openbadges:assertion", StringComparison.Ordinal)), NoBadge);
        yield return ("svg pointing through ../ on this host", Svg($"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="http://localhost/ob/assertions/../../../etc/passwd"/></svg>"""), Unknown);
        yield return ("svg pointing at a file URL", Svg($"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="file:///etc/passwd"/></svg>"""), NoBadge);
        yield return ("svg in UTF-16", Raw(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(_svg)).ToArray(), "image/svg+xml"), Unsupported);
        yield return ("svg cut in half", Svg(_svg[..(_svg.Length / 2)]), NoBadge);
        yield return ("not svg but html", Svg("<html><script>alert(1)</script></html>"), NoBadge);

        // JWSs that are not: wrong part counts, undecodable parts, payloads of the wrong shape. Those that reach the
        // signature check must get a verdict that is not "valid"; the rest are refused as raw text (415) or as a value (422).
        var parts = _jws.Split('.');
        string B64(string text) => B64Bytes(Encoding.UTF8.GetBytes(text));
        foreach (var (name, jws, raw, json) in new[]
        {
            ("nothing changed", _jws, Valid, Valid),
            ("two parts", parts[0] + "." + parts[1], Unsupported, Malformed),
            ("four parts", _jws + ".x", Unsupported, Malformed),
            ("empty parts", "..", Unsupported, Malformed),
            ("a header that is not JSON", B64("not json") + "." + parts[1] + "." + parts[2], SignatureInvalid, SignatureInvalid),
            ("a payload that is not JSON", parts[0] + "." + B64("not json") + "." + parts[2], Malformed, Malformed),
            ("a payload that is an array", parts[0] + "." + B64("[1,2]") + "." + parts[2], Malformed, Malformed),
            ("a payload id that is a number", parts[0] + "." + B64("{\"id\": 5}") + "." + parts[2], Malformed, Malformed),
            ("a payload id that is no uuid", parts[0] + "." + B64("{\"id\": \"urn:uuid:../../etc\"}") + "." + parts[2], Malformed, Malformed),
            ("alg none", B64("{\"alg\":\"none\"}") + "." + parts[1] + ".x", SignatureInvalid, SignatureInvalid),
            ("alg none and an empty signature", B64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".", Unsupported, Malformed),
            ("alg none and the real signature", B64("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2], SignatureInvalid, SignatureInvalid),
            ("a forged signature", parts[0] + "." + parts[1] + "." + B64(new string('s', 256)), SignatureInvalid, SignatureInvalid),
            ("a signature by a foreign RSA key under the real header", ForeignSigned(parts[0], parts[1]), SignatureInvalid, SignatureInvalid),
            ("one payload byte changed", parts[0] + "." + B64Bytes(OneByteChanged(parts[1])) + "." + parts[2], SignatureInvalid, SignatureInvalid),
            ("a signature of length 1 mod 4", parts[0] + "." + parts[1] + ".a", SignatureInvalid, SignatureInvalid),
            ("a 1.5 MB segment", parts[0] + "." + new string('A', 1_500_000) + "." + parts[2], Malformed, Malformed),
            ("a payload 64 levels deep", parts[0] + "." + B64(new string('[', 5000) + new string(']', 5000)) + "." + parts[2], Malformed, Malformed),
        })
        {
            yield return ($"jws with {name}", Raw(Encoding.ASCII.GetBytes(jws), "text/plain"), raw);
            yield return ($"jws with {name} as JSON", () => JsonContent.Create(new { jws }), json);
        }

        yield return ("json jws as a number", Json("""{"jws": 5}"""), Missing);
        yield return ("json jws as null", Json("""{"jws": null}"""), Missing);
        yield return ("json jws as an array", Json("""{"jws": ["a.b.c"]}"""), Missing);
        yield return ("json as an array", Json("[]"), Missing);
        yield return ("json nested 5000 deep", Json(new string('[', 5000) + new string(']', 5000)), Missing);
        // The genuine badge, unchanged, as the value JSON readers take (the last): a true answer, not a forgery.
        yield return ("json with a duplicate key", Json($$"""{"jws": "x", "jws": "{{_jws}}"}"""), Valid);
        yield return ("json that is cut off", Json("""{"jws": "abc"""), Missing);
        // Open Badges 3.0 forms with two equal keys: which one a reader takes must never decide a verdict.
        var vcHeader = B64Bytes(Encoding.UTF8.GetBytes("""{"alg":"RS256","kid":"did:web:localhost#k"}"""));
        var vcPayload = B64Bytes(Encoding.UTF8.GetBytes($$"""{"id": "urn:uuid:{{Guid.NewGuid()}}", "id": "urn:uuid:{{Guid.NewGuid()}}"}"""));
        yield return ("vc-jwt whose payload repeats a key", Raw(Encoding.ASCII.GetBytes(vcHeader + "." + vcPayload + ".c2ln"), "text/plain"), Unknown);
        yield return ("credential json that repeats a key", Json($$$"""{"id": "urn:uuid:{{{Guid.NewGuid()}}}", "id": "x", "credentialSubject": {}, "proof": {}}"""), Missing);

        // Multipart of every wrong shape.
        yield return ("multipart with 20 fields", () =>
        {
            var form = new MultipartFormDataContent();
            for (var i = 0; i < 20; i++)
            {
                form.Add(new StringContent("x"), "field" + i);
            }

            return form;
        }, Missing);
        yield return ("multipart with an empty file", () => new MultipartFormDataContent { { new ByteArrayContent([]), "file", "tyhja.png" } }, Missing);
        yield return ("multipart with a traversing file name", () => new MultipartFormDataContent { { new ByteArrayContent(_png), "file", "../../../../etc/passwd" } }, Valid);
        yield return ("multipart with two files", () => new MultipartFormDataContent { { new ByteArrayContent(_png), "file", "a.png" }, { new ByteArrayContent(_png[..100]), "file", "b.png" } }, Valid);
        yield return ("multipart with a 20 kB part header", () =>
        {
            var part = new ByteArrayContent(_png);
            part.Headers.TryAddWithoutValidation("X-Long", new string('h', 20_000));
            return new MultipartFormDataContent { { part, "file", "a.png" } };
        }, Missing);
        yield return ("multipart without its boundary", Raw(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--b--"), "multipart/form-data"), Missing);
        yield return ("multipart cut off", Raw(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\u0089PNG"), "multipart/form-data; boundary=b"), Missing);
        yield return ("multipart with a jws field", () => new MultipartFormDataContent { { new StringContent(parts[0] + ".." + parts[2]), "jws" } }, NoBadge);
        yield return ($"the assertion url {_assertionId} with ../", Raw(Encoding.ASCII.GetBytes($"http://localhost/ob/assertions/{_assertionId}/../../keys"), "text/plain"), Unsupported);

        foreach (var ob3 in Ob3Corpus())
        {
            yield return ob3;
        }
    }

    /// <summary>The OB 3.0 baked images, unchanged and broken: keywords, counts, cut and oversized credentials.</summary>
    private IEnumerable<(string Name, Func<HttpContent> Content, string Expected)> Ob3Corpus()
    {
        static Func<HttpContent> Raw(byte[] bytes, string type) => () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", type);
            return content;
        };

        Func<HttpContent> Png(string keyword, string text, byte compression = 0) =>
            Raw(Insert(Unbaked(), IhdrEnd(Unbaked()), Chunk("iTXt", ITxt(text, keyword, compression))), "image/png");
        Func<HttpContent> Svg(string svg) => Raw(Encoding.UTF8.GetBytes(svg), "image/svg+xml");
        string SvgWith(string element) =>
            $"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">{element}<circle r="4"/></svg>""";

        var secondDot = _vcJwt.LastIndexOf('.');
        yield return ("ob3 png unchanged", Raw(_ob3Png, "image/png"), Valid);
        yield return ("ob3 png with the credential JSON in the chunk", Png("openbadgecredential", _credentialJson), Valid);
        yield return ("ob3 png with the keyword in capitals", Png("OpenBadgeCredential", _vcJwt), NoBadge);
        yield return ("ob3 png with the keyword misspelt", Png("openbadgescredential", _vcJwt), NoBadge);
        yield return ("ob3 png with the keyword without its null", Raw(Insert(Unbaked(), IhdrEnd(Unbaked()), Chunk("iTXt", [.. "openbadgecredential"u8, .. Encoding.ASCII.GetBytes(_vcJwt)])), "image/png"), NoBadge);
        yield return ("ob3 png with two credentials", Raw(Insert(_ob3Png, IhdrEnd(_ob3Png), Chunk("iTXt", ITxt(_vcJwt, "openbadgecredential"))), "image/png"), NoBadge);
        yield return ("ob3 png with an OB 2.0 assertion beside it", Raw(Insert(_ob3Png, IhdrEnd(_ob3Png), Chunk("iTXt", ITxt(_jws))), "image/png"), NoBadge);
        yield return ("ob3 png with a compressed chunk", Png("openbadgecredential", _vcJwt, compression: 1), NoBadge);
        yield return ("ob3 png with the JWT cut in its payload", Png("openbadgecredential", _vcJwt[..(_vcJwt.IndexOf('.') + 40)]), Malformed);
        yield return ("ob3 png with the JWT cut before its signature", Png("openbadgecredential", _vcJwt[..(secondDot + 1)]), Malformed);
        yield return ("ob3 png with the JWT cut in its signature", Png("openbadgecredential", _vcJwt[..(secondDot + 20)]), SignatureInvalid);
        yield return ("ob3 png with the credential JSON cut", Png("openbadgecredential", _credentialJson[..(_credentialJson.Length / 2)]), Missing);
        yield return ("ob3 png with a chunk over 1 MB", Png("openbadgecredential", new string('a', PngBadge.MaxChunkLength)), NoBadge);
        yield return ("ob3 png with a 900 kB fake JWT", Png("openbadgecredential", new string('a', 300_000) + "." + new string('b', 300_000) + "." + new string('c', 300_000)), Malformed);
        yield return ("ob3 svg unchanged", Svg(_ob3Svg), Valid);
        yield return ("ob3 svg with the credential JSON in CDATA", Svg(SvgWith($"<openbadges:credential><![CDATA[{_credentialJson}]]></openbadges:credential>")), Valid);
        yield return ("ob3 svg with two credentials", Svg(SvgWith($"<openbadges:credential verify=\"{_vcJwt}\"/><openbadges:credential verify=\"{_vcJwt}\"/>")), NoBadge);
        yield return ("ob3 svg with an OB 2.0 assertion beside it", Svg(_ob3Svg.Replace("<openbadges:credential", $"<ob2:assertion xmlns:ob2=\"http://openbadges.org\" verify=\"{_jws}\"/><openbadges:credential", StringComparison.Ordinal)), NoBadge);
        yield return ("ob3 svg with the credential in the OB 2.0 namespace", Svg($"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:credential verify="{_vcJwt}"/></svg>"""), NoBadge);
        yield return ("ob3 svg with a cut JWT", Svg(SvgWith($"<openbadges:credential verify=\"{_vcJwt[..(_vcJwt.IndexOf('.') + 40)]}\"/>")), Malformed);
        yield return ("ob3 svg with an empty credential", Svg(SvgWith("<openbadges:credential/>")), NoBadge);
    }

    private static string B64Bytes(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A well-formed RS256 signature over the real header and payload, made with a key that is not ours.</summary>
    private static string ForeignSigned(string header, string payload)
    {
        using var foreign = System.Security.Cryptography.RSA.Create(2048);
        return header + "." + payload + "." + B64Bytes(foreign.SignData(
            Encoding.ASCII.GetBytes(header + "." + payload), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1));
    }

    /// <summary>The payload with one digit of its issue date changed: still JSON, still the same assertion id.</summary>
    private static byte[] OneByteChanged(string payload)
    {
        var bytes = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(payload);
        var issuedOn = bytes.AsSpan().IndexOf("\"issuedOn\""u8);
        Assert.That(issuedOn, Is.GreaterThanOrEqualTo(0), "the signed payload has an issue date");
        var digit = Array.FindIndex(bytes, issuedOn, b => b is >= (byte)'0' and <= (byte)'9');
        bytes[digit] = bytes[digit] == (byte)'9' ? (byte)'8' : (byte)(bytes[digit] + 1);
        return bytes;
    }

    private static int IhdrEnd(byte[] png) => 8 + 12 + (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(8));

    private byte[] Unbaked()
    {
        // The baked PNG without its openbadges chunk: the artwork itself.
        var result = new List<byte>(_png[..8]);
        foreach (var (offset, length) in ChunkOffsets(_png))
        {
            if (Encoding.ASCII.GetString(_png, offset + 4, 4) != "iTXt")
            {
                result.AddRange(_png.AsSpan(offset, 12 + length).ToArray());
            }
        }

        return [.. result];
    }

    private static List<(int Offset, int Length)> ChunkOffsets(byte[] png)
    {
        var chunks = new List<(int, int)>();
        for (var offset = 8; offset + 12 <= png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            chunks.Add((offset, length));
            offset += 12 + length;
        }

        return chunks;
    }

    private static byte[] With(byte[] bytes, int index, Func<byte, int> change)
    {
        var copy = (byte[])bytes.Clone();
        copy[index] = (byte)change(copy[index]);
        return copy;
    }

    private static byte[] WithLength(byte[] png, int offset, uint length)
    {
        var copy = (byte[])png.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(offset), length);
        return copy;
    }

    private static byte[] Insert(byte[] png, int at, byte[] bytes) => [.. png[..at], .. bytes, .. png[at..]];

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.HashToUInt32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static byte[] ITxt(string text, string keyword = "openbadges", byte compression = 0) =>
        [.. Encoding.ASCII.GetBytes(keyword), 0, compression, 0, 0, 0, .. Encoding.UTF8.GetBytes(text)];
}
