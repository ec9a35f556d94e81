using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;
using Osaamismerkit.Wallet;

namespace Osaamismerkit.Tests.Reliability;

/// <summary>
/// Every endpoint the service maps (read from its EndpointDataSource, so a new one is covered the day it is added) gets
/// malformed JSON, wrong types, bodies over the size limit, unknown languages and path traversal in its ids — as a
/// signed-in member of staff with every role, so the input reaches the handlers. The answer must be a 4xx problem (or an
/// HTML page for the pages), never a 500, within a time bound. Real Kestrel, so the request size limits apply.
/// </summary>
[NonParallelizable]
[Category("Fuzz")]
public sealed partial class EndpointFuzzTests
{
    private const string Staff = "fuzz-staff";

    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(20);

    // Percent-encoded so that the client sends them as they are; the server decodes them into the route value.
    private static readonly string[] BadIds =
    [
        "..%2F..%2F..%2Fetc%2Fpasswd", "%2E%2E%2F%2E%2E%2Fdata%2Fosaamismerkit.db", "..%5C..%5Cwindows%5Cwin.ini", "%00", "a%00b",
        new string('x', 4000), "%27%3B%20DROP%20TABLE%20clients%3B--", "%F0%9F%99%82", "00000000-0000-0000-0000-000000000000",
        "-1", "%20", "null", "%25%25%25", "%C0%AE%C0%AE%2F",
    ];

    private KestrelTestApp _app = null!;
    private HttpClient _http = null!;
    private Dictionary<string, string> _goodValues = null!;

    [OneTimeSetUp]
    public async Task StartWithData()
    {
        _app = await KestrelTestApp.StartAsync(DevIdentityProvider.FreePort(), new Dictionary<string, string?>
        {
            ["RateLimits:PublicPermitsPerMinute"] = "1000000",
            ["RateLimits:SignInPermitsPerMinute"] = "1000000",
            ["RateLimits:GuessingPermitsPerMinute"] = "1000000",
        });
        // Redirects are answers too (a staff page sending to sign-in), and each request gets its own connection, since
        // Kestrel closes one after refusing a request and a pooled reuse would fail on the client's side.
        _http = FuzzClient(_app.BaseAddress);
        _http.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(Staff, [Roles.Instructor, Roles.ProjectStaff, Roles.Admin]));

        await using (var connection = await _app.Services.GetRequiredService<Database>().OpenAsync())
        {
            await CrowdSetup.UnitAsync(connection, [Staff]);
        }

        var client = (await (await _http.PostAsJsonAsync("/api/clients", new ClientRequest("Fuzz Asiakas", null, null, "fi", CrowdSetup.Unit, null))).Content
            .ReadFromJsonAsync<ClientView>())!;
        var badge = _app.Services.GetRequiredService<Osaamismerkit.Catalogue.BadgeCatalogue>().Badges.First(b => b.Kind == BadgeKind.Skill && b.Level == 2);
        var request = new AssessmentRequest(client.Id, badge.Id, badge.Version, DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), CrowdSetup.Unit,
            DeliveryModes.OnSite, badge.Criteria.Select(c => new CriterionResult(c.Id, true)).ToList(), "Teki itse.");
        var issued = (await (await _http.PostAsJsonAsync("/api/assessments", request)).Content.ReadFromJsonAsync<AssessmentResult>())!;
        var wallet = (await (await _http.PostAsync($"/api/clients/{client.Id}/wallet-link", null)).Content.ReadFromJsonAsync<WalletLinkCreated>())!;
        var assertion = Guid.Parse(issued.Badge!.AssertionId);
        await using var read = await _app.Services.GetRequiredService<Database>().OpenAsync();
        _goodValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = client.Id,
            ["clientId"] = client.Id,
            ["assertionId"] = assertion.ToString(),
            ["shortId"] = ShortIds.Encode(assertion),
            ["token"] = wallet.Url[(wallet.Url.LastIndexOf('/') + 1)..],
            ["unitId"] = CrowdSetup.Unit,
            ["badgeId"] = badge.Id,
            ["version"] = badge.Version,
            ["keyId"] = await read.ExecuteScalarAsync<string>("SELECT id FROM signing_keys") ?? "x",
            ["kind"] = "badges",
            ["subject"] = Staff,
            ["assessmentId"] = issued.AssessmentId,
            ["baselineId"] = Guid.NewGuid().ToString(),
        };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    [CancelAfter(600_000)]
    public async Task Every_endpoint_answers_malformed_input_with_a_4xx_problem_never_a_500_and_never_hangs(CancellationToken cancellationToken)
    {
        var endpoints = Endpoints();
        var cases = endpoints.SelectMany(e => Cases(e.Method, e.Pattern)).ToList();
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (c, token) =>
        {
            using var message = c.Build();
            try
            {
                using var response = await _http.SendAsync(message, token);
                var body = await response.Content.ReadAsStringAsync(token);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if (Fault(c, response, body) is { } fault)
                {
                    failures.Add($"{c.Method} {c.Url} [{c.Input}]: {fault}");
                }
            }
            catch (TaskCanceledException) when (!token.IsCancellationRequested)
            {
                failures.Add($"{c.Method} {c.Url} [{c.Input}]: no answer within {PerRequest.TotalSeconds} s");
            }
            catch (HttpRequestException) when (c.Oversized)
            {
                // The server answered without reading the whole body and closed the connection while the client was
                // still sending it: the client cannot read that answer. OversizedBodies below checks the 413 itself.
                statuses.AddOrUpdate(0, 1, (_, n) => n + 1);
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{c.Method} {c.Url} [{c.Input}]: connection failed: {e.InnerException?.Message ?? e.Message}");
            }
        });

        TestContext.Out.WriteLine($"{cases.Count} requests to {endpoints.Count} endpoints; statuses: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "closed while sending an oversized body" : s.Key)}: {s.Value}")));
        foreach (var failure in failures.Order(StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine(failure);
        }

        Assert.That(endpoints, Has.Count.GreaterThan(60), "the endpoint list was read");
        Assert.That(failures, Is.Empty, $"{failures.Count} bad answers, listed in the output");
    }

    /// <summary>Bodies over RequestLimits:MaxRequestBodyBytes (1 MB) to endpoints that read them: 413 before they are buffered.</summary>
    [TestCase("/api/assessments", false)]
    [TestCase("/api/assessments", true)]
    [TestCase("/api/clients", false)]
    [TestCase("/api/clients", true)]
    [TestCase("/api/claims", false)]
    [TestCase("/api/clients/{id}/erase", true)]
    [TestCase("/api/verify", false)]
    [TestCase("/api/verify", true)]
    [CancelAfter(60_000)]
    public async Task A_body_over_the_size_limit_is_refused_with_413_problem_details(string path, bool chunked, CancellationToken cancellationToken)
    {
        // The verify endpoint takes uploads up to 2 MB; everything else 1 MB.
        var size = path == "/api/verify" ? 3 * 1024 * 1024 : 1536 * 1024;
        var json = Encoding.UTF8.GetBytes($$"""{"evidenceNote": "{{new string('x', size)}}"}""");
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(json)) : new ByteArrayContent(json);
        content.Headers.ContentType = new("application/json");
        using var message = new HttpRequestMessage(HttpMethod.Post, path.Replace("{id}", _goodValues["id"], StringComparison.Ordinal)) { Content = content };
        message.Headers.ExpectContinue = true;

        using var response = await _http.SendAsync(message, cancellationToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    /// <summary>Null when the answer is acceptable.</summary>
    private static string? Fault(FuzzCase c, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (status >= 500)
        {
            // Staff sign-in has no identity provider configured in the tests; it says so with a 503 on purpose.
            return c.Pattern == "/signin" && status == 503 ? null : $"{status} {Snippet(body)}";
        }

        // Kestrel itself refuses a NUL in the path with a bare 400 before any of our code runs.
        if (status == 400 && body.Length == 0 && c.Url.Contains("%00", StringComparison.Ordinal))
        {
            return null;
        }

        if (status >= 400 && IsApi(c.Pattern) && mediaType != "application/problem+json")
        {
            return $"{status} as {mediaType ?? "nothing"}, not problem details: {Snippet(body)}";
        }

        if (status >= 400 && !IsApi(c.Pattern) && mediaType is not ("text/html" or "application/problem+json"))
        {
            return $"{status} as {mediaType ?? "nothing"}: {Snippet(body)}";
        }

        if (status >= 400 && (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal)))
        {
            return $"{status} shows an exception: {Snippet(body)}";
        }

        return null;
    }

    private static bool IsApi(string pattern) =>
        pattern.StartsWith("/api/", StringComparison.Ordinal) || pattern.StartsWith("/ob/", StringComparison.Ordinal)
        || pattern.StartsWith("/health/", StringComparison.Ordinal);

    private List<(string Method, string Pattern)> Endpoints() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Where(e => e.m is not ("HEAD" or "OPTIONS"))
            .Distinct()
            .ToList();

    private IEnumerable<FuzzCase> Cases(string method, string pattern)
    {
        var parameters = Parameter().Matches(pattern).Select(m => m.Groups["name"].Value).ToList();
        string Url(string? fuzzed = null, string? value = null) =>
            Parameter().Replace(pattern, m => m.Groups["name"].Value == fuzzed ? value! : Uri.EscapeDataString(_goodValues.GetValueOrDefault(m.Groups["name"].Value, "x")));
        var hasBody = method is "POST" or "PUT" or "PATCH" or "DELETE";

        foreach (var name in parameters)
        {
            foreach (var bad in BadIds)
            {
                yield return new FuzzCase(method, pattern, Url(name, bad), $"{name}={Shorten(bad)}", hasBody ? () => JsonContent.Create(new { }) : null);
            }
        }

        // Every report kind gets the query cases, not just the one good value.
        var bases = parameters.Contains("kind") ? Osaamismerkit.Reports.ReportCodes.Kinds.Keys.Select(k => Url("kind", k)).ToList() : [Url()];
        foreach (var queryCase in bases.SelectMany(b => QueryCases(method, pattern, b)))
        {
            yield return queryCase;
        }

        if (!hasBody)
        {
            yield break;
        }

        var clientId = _goodValues["id"];
        var badgeId = _goodValues["badgeId"];
        foreach (var date in new[] { "0001-01-01", "9999-12-31" })
        {
            yield return new FuzzCase(method, pattern, Url(), $"typed edge values {date}", () => new StringContent($$"""
                {"clientId": "{{clientId}}", "badgeId": "{{badgeId}}", "badgeVersion": "{{_goodValues["version"]}}", "demonstratedOn": "{{date}}",
                 "assessedOn": "{{date}}", "unitId": "unit-crowd", "deliveryMode": "onsite", "phase": "intake",
                 "criteria": [{"id": null, "met": null}, {"id": "x", "met": true}, {"id": "x", "met": false}],
                 "areas": [null, {"area": 0, "level": 99, "selfAssessment": -1}, {"area": 2147483647, "level": -2147483648}],
                 "evidenceNote": "\u0000\u202E 010190-123A", "reason": "\u0000", "code": "ÄÄÄÄ-ÄÄÄÄ-ÄÄÄÄ", "email": "a@b", "displayName": "\u0000",
                 "phone": "+0", "preferredLanguage": "fi-FI", "municipalityCode": "../..", "confirmClientId": "../{{clientId}}", "name": "\u0000"}
                """, Encoding.UTF8, "application/json"));
        }

        var url = Url();
        foreach (var (input, body) in Bodies())
        {
            yield return new FuzzCase(method, pattern, url, input, body, Oversized: input.StartsWith("oversized", StringComparison.Ordinal));
        }
    }

    private static IEnumerable<FuzzCase> QueryCases(string method, string pattern, string url)
    {
        // Unknown and malformed languages, and query values of the wrong type for whatever the endpoint reads.
        yield return new FuzzCase(method, pattern, url + "?lang=tlh&q=%00&limit=-5&from=yesterday&to=9999-99-99&track=%27&area=99&level=x&kind=%3Cscript%3E&unitId=..%2F..&entityType=x&actor=%00",
            "bad query", null, Headers: new() { ["Accept-Language"] = "xx-YY;q=abc, tlh, *;q=-1" });
        // Well-formed but extreme: the ends of the calendar and of int, with every grouping and row option a report has.
        var rows = Osaamismerkit.Reports.ReportCodes.BadgeRowOptions.Keys.ToList();
        var groupings = pattern.StartsWith("/api/reports/", StringComparison.Ordinal) ? Osaamismerkit.Reports.ReportCodes.Groupings.Keys.ToList() : ["none"];
        for (var i = 0; i < groupings.Count; i++)
        {
            var common = $"&groupBy={groupings[i]}&by={rows[i % rows.Count]}&limit=2147483647&area=0&level=-2147483648&lang=sv-FI";
            yield return new FuzzCase(method, pattern, url + "?from=0001-01-01&to=9999-12-31" + common, $"extreme query {groupings[i]}", null);
            yield return new FuzzCase(method, pattern, url + "?from=9999-12-31&to=9999-12-31&municipality=167&unit=unit-crowd&track=citizen" + common,
                $"the end of time {groupings[i]}", null);
            yield return new FuzzCase(method, pattern, url + "?from=2000-01-01&to=2100-12-31" + common, $"the widest period {groupings[i]}", null);
            yield return new FuzzCase(method, pattern, url + "?from=2100-12-31&to=2100-12-31&track=worklife" + common, $"the last day {groupings[i]}", null);
        }
    }

    private static IEnumerable<(string Input, Func<HttpContent> Body)> Bodies()
    {
        HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");
        yield return ("malformed JSON", () => Json("""{"clientId": "x", """));
        yield return ("wrong types", () => Json("""
            {"clientId": 5, "badgeId": [], "badgeVersion": {}, "demonstratedOn": 20261123, "unitId": true, "deliveryMode": 1.5,
             "criteria": "all", "evidenceNote": {"a": 1}, "reason": 3, "code": false, "email": ["a@b.fi"], "displayName": {},
             "phone": 358, "preferredLanguage": 1, "municipalityCode": [], "confirmClientId": {}, "name": 1, "levels": "x", "phase": []}
            """));
        yield return ("criteria of wrong shape", () => Json("""{"criteria": [1, null, {"id": {}, "met": "yes"}], "levels": [{"area": "x", "level": 99}]}"""));
        yield return ("unknown language", () => Json("""{"displayName": "Testi", "preferredLanguage": "tlh", "unitId": "unit-crowd", "reason": "x"}"""));
        yield return ("a JSON array", () => Json("[1, 2, 3]"));
        yield return ("JSON null", () => Json("null"));
        yield return ("a JSON string", () => Json("\"text\""));
        yield return ("nested 5000 deep", () => Json(new string('[', 5000) + new string(']', 5000)));
        yield return ("a 900 kB string", () => Json($$"""{"evidenceNote": "{{new string('x', 900_000)}}", "displayName": "{{new string('y', 50_000)}}"}"""));
        yield return ("not UTF-8", () => new ByteArrayContent([0x7B, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D]) { Headers = { ContentType = new("application/json") } });
        yield return ("JSON as text/plain", () => new StringContent("""{"reason": "x"}""", Encoding.UTF8, "text/plain"));
        yield return ("XML", () => new StringContent("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", Encoding.UTF8, "application/xml"));
        yield return ("broken form", () => new StringContent("a=%ZZ&&&=&__RequestVerificationToken=forged&b=" + new string('z', 10_000), Encoding.ASCII, "application/x-www-form-urlencoded"));
        yield return ("broken multipart", () => new StringContent("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc", Encoding.ASCII, "multipart/form-data") { Headers = { ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x") } });
        yield return ("empty JSON body", () => Json(string.Empty));
        yield return ("oversized JSON (3 MB)", () => Json($$"""{"evidenceNote": "{{new string('x', 3 * 1024 * 1024)}}"}"""));
        yield return ("oversized chunked (3 MB)", () => new StreamContent(new UnknownLengthStream(new byte[3 * 1024 * 1024])) { Headers = { ContentType = new("application/json") } });
    }

    private static HttpClient FuzzClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = PerRequest };

    private static string Shorten(string value) => value.Length > 40 ? value[..20] + "…" + value.Length : value;

    private static string Snippet(string body) => body.Length > 400 ? body[..400] : body;

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)(:[^}=?]+)*(=[^}]*)?\??\}")]
    private static partial Regex Parameter();

    private sealed record FuzzCase(
        string Method, string Pattern, string Url, string Input, Func<HttpContent>? Body, bool Oversized = false, Dictionary<string, string>? Headers = null)
    {
        public HttpRequestMessage Build()
        {
            var message = new HttpRequestMessage(new HttpMethod(Method), Url) { Content = Body?.Invoke() };
            message.Headers.ConnectionClose = true;
            // The server may refuse an oversized body before reading it; waiting for 100-continue lets the client hear that.
            message.Headers.ExpectContinue = Oversized;
            foreach (var (name, value) in Headers ?? [])
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            return message;
        }
    }
}
