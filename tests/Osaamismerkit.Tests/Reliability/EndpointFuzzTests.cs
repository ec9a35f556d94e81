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
/// signed-in member of staff with every role, so the input reaches the handlers. Each answer must be the one that input
/// deserves, read from the table of what each endpoint reads (<see cref="Rules"/>): 404 for an unknown id, 400 for a bad
/// body or query value the endpoint reads, 415 for a body type it does not take, 413 for one over the limit, and the
/// endpoint's ordinary answer only where it ignores the input. Never a 500, never a hang, always problem details from the
/// API. Real Kestrel, so the request size limits apply.
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

        var client = await CreateClientAsync("Fuzz Asiakas");
        // Rotating or revoking a wallet link, erasing and revoking change state: they get their own client and badge, so
        // every other endpoint keeps answering its ordinary answer to the clean request whatever order the cases run in.
        var spare = await CreateClientAsync("Fuzz Varalla");
        var badges = _app.Services.GetRequiredService<Osaamismerkit.Catalogue.BadgeCatalogue>().Badges.Where(b => b.Kind == BadgeKind.Skill && b.Level == 2).ToList();
        var badge = badges[0];
        var assertion = await IssueAsync(client.Id, badge);
        var spareAssertion = await IssueAsync(spare.Id, badges[1]);
        var wallet = (await (await _http.PostAsync($"/api/clients/{client.Id}/wallet-link", null)).Content.ReadFromJsonAsync<WalletLinkCreated>())!;
        var areas = string.Join(", ", Enumerable.Range(1, 5).Select(a => $$"""{"area": {{a}}, "level": 1}"""));
        using var baseline = await _http.PostAsync($"/api/clients/{client.Id}/baselines", new StringContent($$"""
            {"assessedOn": "{{Today}}", "unitId": "{{CrowdSetup.Unit}}", "phase": "intake", "deliveryMode": "onsite", "areas": [{{areas}}]}
            """, Encoding.UTF8, "application/json"));
        Assert.That(baseline.StatusCode, Is.EqualTo(HttpStatusCode.Created), await baseline.Content.ReadAsStringAsync());
        var baselineId = System.Text.Json.JsonDocument.Parse(await baseline.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        await using var read = await _app.Services.GetRequiredService<Database>().OpenAsync();
        _goodValues = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["clientId"] = client.Id,
            ["spareClientId"] = spare.Id,
            ["assertionId"] = assertion.ToString(),
            ["spareAssertionId"] = spareAssertion.ToString(),
            ["shortId"] = ShortIds.Encode(assertion),
            ["token"] = wallet.Url[(wallet.Url.LastIndexOf('/') + 1)..],
            ["unitId"] = CrowdSetup.Unit,
            ["badgeId"] = badge.Id,
            ["version"] = badge.Version,
            ["keyId"] = await read.ExecuteScalarAsync<string>("SELECT id FROM signing_keys") ?? "x",
            ["kind"] = "badges",
            ["subject"] = Staff,
            ["assessmentId"] = (await read.ExecuteScalarAsync<string>("SELECT id FROM assessments WHERE client_id = @Id", new { client.Id }))!,
            ["baselineId"] = baselineId,
        };
    }

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<ClientView> CreateClientAsync(string name)
    {
        using var response = await _http.PostAsJsonAsync("/api/clients", new ClientRequest(name, null, null, "fi", CrowdSetup.Unit, null));
        return (await response.Content.ReadFromJsonAsync<ClientView>())!;
    }

    private async Task<Guid> IssueAsync(string clientId, BadgeDefinition badge)
    {
        var request = new AssessmentRequest(clientId, badge.Id, badge.Version, Today, CrowdSetup.Unit, DeliveryModes.OnSite,
            badge.Criteria.Select(c => new CriterionResult(c.Id, true)).ToList(), "Teki itse.");
        using var response = await _http.PostAsJsonAsync("/api/assessments", request);
        return Guid.Parse((await response.Content.ReadFromJsonAsync<AssessmentResult>())!.Badge!.AssertionId);
    }

    /// <summary>The value a route parameter gets in a clean request: the same name means different things on different routes.</summary>
    private string GoodValue(string pattern, string name) => name.ToLowerInvariant() switch
    {
        "id" when pattern.StartsWith("/api/units/", StringComparison.Ordinal) => _goodValues["unitId"],
        "id" when pattern.StartsWith("/api/catalogue/", StringComparison.Ordinal) || pattern.StartsWith("/badges/", StringComparison.Ordinal)
            || pattern.StartsWith("/ob/badges/", StringComparison.Ordinal) => _goodValues["badgeId"],
        "id" when pattern.StartsWith("/api/assertions/", StringComparison.Ordinal) => _goodValues["spareAssertionId"],
        "id" when pattern.StartsWith("/ob/assertions/", StringComparison.Ordinal) || pattern.StartsWith("/api/verify/", StringComparison.Ordinal) => _goodValues["assertionId"],
        "id" or "clientid" when pattern.Contains("wallet-link", StringComparison.Ordinal) || pattern.EndsWith("/erase", StringComparison.Ordinal) => _goodValues["spareClientId"],
        "id" => _goodValues["clientId"],
        _ => _goodValues.GetValueOrDefault(name, "x"),
    };

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

    [Test]
    public void Every_endpoint_that_takes_a_body_has_a_rule_and_every_rule_names_a_mapped_endpoint()
    {
        var mapped = Endpoints().Select(e => $"{e.Method} {e.Pattern}").ToHashSet(StringComparer.Ordinal);

        Assert.That(mapped.Where(e => !e.StartsWith("GET ", StringComparison.Ordinal) && !Rules.ContainsKey(e)), Is.Empty,
            "endpoints that take a body but have no rule saying what they read");
        Assert.That(Rules.Keys.Where(k => !mapped.Contains(k)), Is.Empty, "rules for endpoints that are not mapped");
    }

    /// <summary>
    /// Each field of each JSON body, one hostile value at a time in an otherwise valid body: the only thing wrong is that
    /// field, so the answer must be 400 with the error under that field's name — a 2xx means the value was stored.
    /// A value of the wrong JSON type is refused by the JSON reader before any field is checked: 400 without a key.
    /// </summary>
    [Test]
    [CancelAfter(120_000)]
    public async Task Every_body_field_refuses_each_hostile_value_with_a_400_keyed_by_that_field(CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        var tolerated = new List<string>();
        var count = 0;
        foreach (var (endpoint, template) in BodyTemplates())
        {
            foreach (var (field, kind, value) in HostileValues(endpoint))
            {
                count++;
                var fields = new Dictionary<string, string>(template, StringComparer.Ordinal) { [field] = value };
                var json = "{" + string.Join(", ", fields.Select(f => $"\"{f.Key}\": {f.Value}")) + "}";
                var (method, path) = (endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)], endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
                using var message = new HttpRequestMessage(new HttpMethod(method), Parameter().Replace(path, m => _goodValues[m.Groups["name"].Value]))
                {
                    Content = new StringContent(json, Encoding.UTF8, "application/json"),
                };
                using var response = await _http.SendAsync(message, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                var keyed = kind != "wrong JSON type";
                var fault = FieldFault(response, body, field, keyed);
                if (fault is not null && ReportedFieldGaps.Contains($"{endpoint} {field} {kind}"))
                {
                    tolerated.Add($"{endpoint} {field} [{kind}]: {(int)response.StatusCode}, a reported gap");
                }
                else if (fault is not null)
                {
                    failures.Add($"{endpoint} {field} [{kind}]: {fault}");
                }
            }
        }

        TestContext.Out.WriteLine($"{count} hostile field values");
        foreach (var line in tolerated.Concat(failures))
        {
            TestContext.Out.WriteLine(line);
        }

        Assert.That(failures, Is.Empty, $"{failures.Count} hostile values not refused as they deserve, listed in the output");
    }

    private static string? FieldFault(HttpResponseMessage response, string body, string field, bool keyed)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}, expected 400 problem details: {Snippet(body)}";
        }

        if (!keyed)
        {
            return null;
        }

        using var problem = System.Text.Json.JsonDocument.Parse(body);
        var keys = problem.RootElement.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [];
        return keys.Any(k => k == field || k.StartsWith(field + "[", StringComparison.Ordinal))
            ? null
            : $"400 keyed [{string.Join(", ", keys)}], not {field}: {Snippet(body)}";
    }

    /// <summary>A valid body for each endpoint that reads JSON, as JSON values by field; route values from the setup.</summary>
    private IEnumerable<(string Endpoint, Dictionary<string, string> Fields)> BodyTemplates()
    {
        static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
        var client = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["displayName"] = Quote("Testi Asiakas"),
            ["email"] = Quote("testi@example.fi"),
            ["phone"] = Quote("040 123 4567"),
            ["preferredLanguage"] = Quote("fi"),
            ["unitId"] = Quote(CrowdSetup.Unit),
        };
        yield return ("POST /api/clients", client);
        yield return ("PUT /api/clients/{clientId}", client);
        yield return ("POST /api/units", new(StringComparer.Ordinal) { ["name"] = Quote("Fuzz-yksikkö"), ["municipalityCode"] = Quote("167") });
        var badge = _app.Services.GetRequiredService<Osaamismerkit.Catalogue.BadgeCatalogue>().Find(_goodValues["badgeId"])!;
        yield return ("POST /api/assessments", new(StringComparer.Ordinal)
        {
            ["clientId"] = Quote(_goodValues["clientId"]),
            ["badgeId"] = Quote(badge.Id),
            ["badgeVersion"] = Quote(badge.Version),
            ["demonstratedOn"] = Quote(Today),
            ["unitId"] = Quote(CrowdSetup.Unit),
            ["deliveryMode"] = Quote("onsite"),
            ["criteria"] = "[" + string.Join(", ", badge.Criteria.Select(c => $$"""{"id": {{Quote(c.Id)}}, "met": true}""")) + "]",
            ["evidenceNote"] = Quote("Teki itse."),
        });
        yield return ("POST /api/clients/{clientId}/baselines", new(StringComparer.Ordinal)
        {
            ["assessedOn"] = Quote(Today),
            ["unitId"] = Quote(CrowdSetup.Unit),
            ["phase"] = Quote("intake"),
            ["deliveryMode"] = Quote("onsite"),
            ["areas"] = "[" + string.Join(", ", Enumerable.Range(1, 5).Select(a => $$"""{"area": {{a}}, "level": 2}""")) + "]",
        });
        yield return ("POST /api/assertions/{spareAssertionId}/revoke", new(StringComparer.Ordinal) { ["reason"] = Quote("Kirjattu väärälle asiakkaalle.") });
        yield return ("POST /api/clients/{spareClientId}/erase", new(StringComparer.Ordinal) { ["confirmClientId"] = Quote(_goodValues["spareClientId"]) });
    }

    /// <summary>The hostile values each field deserves a refusal for: every field gets a wrong type, and the kinds that fit it.</summary>
    private static IEnumerable<(string Field, string Kind, string Value)> HostileValues(string endpoint)
    {
        string[] freeText = ["displayName", "name", "evidenceNote", "reason"];
        string[] contacts = ["email", "phone"];
        var fields = endpoint switch
        {
            _ when endpoint.EndsWith("/api/units", StringComparison.Ordinal) => ["name", "municipalityCode"],
            _ when endpoint.Contains("/api/clients", StringComparison.Ordinal) && !endpoint.Contains("/baselines", StringComparison.Ordinal)
                && !endpoint.EndsWith("/erase", StringComparison.Ordinal) => ["displayName", "email", "phone", "preferredLanguage", "unitId"],
            _ when endpoint.EndsWith("/api/assessments", StringComparison.Ordinal) => ["clientId", "badgeId", "badgeVersion", "demonstratedOn", "unitId", "deliveryMode", "criteria", "evidenceNote"],
            _ when endpoint.EndsWith("/baselines", StringComparison.Ordinal) => ["assessedOn", "unitId", "phase", "deliveryMode", "areas"],
            _ when endpoint.EndsWith("/revoke", StringComparison.Ordinal) => ["reason"],
            _ => new[] { "confirmClientId" },
        };
        foreach (var field in fields)
        {
            yield return (field, "wrong JSON type", field is "criteria" or "areas" ? "\"all\"" : "{\"a\": [1]}");
            if (freeText.Contains(field) || contacts.Contains(field))
            {
                yield return (field, "over-long", $"\"{new string('x', 10_000)}\"");
                yield return (field, "identity code", "\"Testi 131052-308T\"");
                yield return (field, "control characters", "\"\\u0000\\u001b[2J\\u202e\"");
            }

            switch (field)
            {
                case "preferredLanguage" or "deliveryMode" or "phase" or "municipalityCode" or "badgeId":
                    yield return (field, "unknown code", "\"tlh\"");
                    yield return (field, "path traversal", "\"../../etc/passwd\"");
                    break;
                case "demonstratedOn" or "assessedOn":
                    yield return (field, "impossible date", "\"2026-13-45\"");
                    yield return (field, "the end of time", "\"9999-12-31\"");
                    break;
                case "badgeVersion" or "confirmClientId":
                    yield return (field, "another value", "\"../x\"");
                    break;
                case "unitId" or "clientId":
                    yield return (field, "empty", "\"  \"");
                    break;
                case "criteria":
                    yield return (field, "unknown criterion", "[{\"id\": \"no-such\", \"met\": true}]");
                    break;
                case "areas":
                    yield return (field, "huge number", "[{\"area\": 1, \"level\": 2147483647}]");
                    yield return (field, "negative number", "[{\"area\": -2147483648, \"level\": 1}]");
                    break;
            }
        }
    }

    /// <summary>Hostile field values accepted today and reported (the same rule as <see cref="ReportedGaps"/>).</summary>
    private static readonly HashSet<string> ReportedFieldGaps = new(StringComparer.Ordinal)
    {
        // No validator refuses control characters (NUL, ESC, right-to-left override) in free text: they are stored, and
        // later printed on certificates and in the public revocation list.
        "POST /api/clients displayName control characters",
        "PUT /api/clients/{clientId} displayName control characters",
        "POST /api/units name control characters",
        "POST /api/assessments evidenceNote control characters",
        "POST /api/assertions/{spareAssertionId}/revoke reason control characters",
    };

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
        using var message = new HttpRequestMessage(HttpMethod.Post, path.Replace("{id}", _goodValues["spareClientId"], StringComparison.Ordinal)) { Content = content };
        message.Headers.ExpectContinue = true;

        using var response = await _http.SendAsync(message, cancellationToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    /// <summary>Null when the answer is the one the input deserves.</summary>
    private static string? Fault(FuzzCase c, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;

        // Kestrel itself refuses a NUL in the path with a bare 400 before any of our code runs.
        if (status == 400 && body.Length == 0 && c.Url.Contains("%00", StringComparison.Ordinal))
        {
            return null;
        }

        var expected = Expected(c);
        if (!expected.Contains(status))
        {
            return $"{status}, expected {string.Join(" or ", expected)}: {Snippet(body)}";
        }

        if (status >= 500)
        {
            return null;
        }

        // OAuth's own error format (RFC 6749 §5.2, OpenID4VCI 1.0 §8.3.1.2), which wallets parse: application/json with an
        // error code. A body the framework refuses before the handler runs (wrong type, too large, not JSON) is a problem.
        if (status >= 400 && c.Pattern.StartsWith("/oid4vci/", StringComparison.Ordinal))
        {
            var oauthError = mediaType == "application/json" && body.Contains("\"error\":", StringComparison.Ordinal);
            return oauthError || mediaType == "application/problem+json" ? null : $"{status} as {mediaType ?? "nothing"}, not an OAuth error: {Snippet(body)}";
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

    /// <summary>What one endpoint reads, and so which hostile input it must refuse rather than ignore.</summary>
    /// <param name="Body">What it reads from the body.</param>
    /// <param name="Clean">Its answer when nothing it reads is wrong: what it must still answer to input it ignores.</param>
    /// <param name="Query">For an endpoint that reads its query: the answer to each query case (by the case's first words).</param>
    /// <param name="CleanQuery">The query its clean request needs, so that a bad id is the only thing wrong with the request.</param>
    /// <param name="Why">Why it answers input it ignores as it does.</param>
    /// <param name="Opaque">A route value any string may be, so that a strange one is no unknown id.</param>
    private sealed record Rule(
        Reads Body, int[] Clean, Dictionary<string, int>? Query = null, string CleanQuery = "", string? Why = null, string? Opaque = null);

    /// <summary>
    /// Answers that are wrong today and reported, not fixed here: each is tolerated beside the right answer (the first), so
    /// the test stays green until the product refuses the input, and an entry can be dropped the day it does.
    /// </summary>
    private static readonly Dictionary<string, int[]> ReportedGaps = new(StringComparer.Ordinal)
    {
        // A revocation reason of only control characters (NUL) is accepted: Trim() leaves U+0000, and nothing refuses it.
        // The first such case revokes the badge (200); the later one finds it revoked (409).
        ["POST /api/assertions/{id:guid}/revoke [typed edge values 0001-01-01]"] = [400, 200, 409],
        ["POST /api/assertions/{id:guid}/revoke [typed edge values 9999-12-31]"] = [400, 200, 409],
    };

    private enum Reads
    {
        /// <summary>No body: whatever is sent is ignored.</summary>
        Nothing,

        /// <summary>A JSON object: other JSON is 400, another content type 415, over the limit 413.</summary>
        Json,

        /// <summary>An HTML form behind an antiforgery token: a body without a valid token is 400 before its fields are read.</summary>
        Form,

        /// <summary>The verifier's upload: JSON, a baked PNG or SVG, or multipart with one file.</summary>
        Upload,
    }

    private static readonly int[] Ok = [200];

    // Reports refuse dates outside 2000–2100 (from, to); the last day of 2100 is within it, but a period that few clients
    // fall in is refused too (Reports/ReportPopulation: fewer than ten), and nobody was mapped in December 2100.
    private static readonly Dictionary<string, int> ReportQuery = new(StringComparer.Ordinal)
    {
        ["bad query"] = 400,
        ["extreme query"] = 400,
        ["the end of time"] = 400,
        ["the last day"] = 400,
        ["the widest period"] = 200,
    };

    /// <summary>
    /// Every endpoint not listed is a GET that reads only its route values and answers 200 to the clean request. Every
    /// endpoint that takes a body or reads its query is listed: <see cref="Every_endpoint_that_reads_a_body_or_a_query_has_a_rule"/>.
    /// </summary>
    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        ["GET /staff/"] = new(Reads.Nothing, [302], Why: "the home page sends to the client list"),
        ["GET /signin"] = new(Reads.Nothing, [503], Why: "no identity provider is configured in the tests, and sign-in says so"),
        ["POST /staff/sign-out"] = new(Reads.Nothing, [302], Why: "signing out reads nothing and sends to the sign-in page"),
        ["GET /api/audit"] = new(Reads.Nothing, Ok, Query: new(StringComparer.Ordinal)
        {
            // limit must be 1–1000; every query case sends 2147483647 or -5.
            ["bad query"] = 400,
            ["extreme query"] = 400,
            ["the end of time"] = 400,
            ["the last day"] = 400,
            ["the widest period"] = 400,
        }),
        ["GET /api/catalogue/badges"] = new(Reads.Nothing, Ok, Query: new(StringComparer.Ordinal)
        {
            // area must be 1–5 and level 1–4; every query case sends 0 or 99 and -2147483648 or x.
            ["bad query"] = 400,
            ["extreme query"] = 400,
            ["the end of time"] = 400,
            ["the last day"] = 400,
            ["the widest period"] = 400,
        }),
        ["GET /api/reports/{kind}"] = new(Reads.Nothing, Ok, Query: ReportQuery, CleanQuery: "?from=2020-01-01&to=2020-12-31"),
        ["GET /api/reports/{kind}/csv"] = new(Reads.Nothing, Ok, Query: ReportQuery, CleanQuery: "?from=2020-01-01&to=2020-12-31"),
        ["GET /api/reports/{kind}/pdf"] = new(Reads.Nothing, Ok, Query: ReportQuery, CleanQuery: "?from=2020-01-01&to=2020-12-31"),
        ["GET /staff/reports"] = new(Reads.Nothing, Ok, Query: ReportQuery),
        ["GET /staff/group/record"] = new(Reads.Nothing, [400], Why: "without a badge and clients of one's own the first step comes back with what to choose"),
        ["GET /api/units/{unitId}/certificates"] = new(Reads.Nothing, Ok, CleanQuery: "?from=2000-01-01&to=2100-12-31", Query: new(StringComparer.Ordinal)
        {
            // A period in year 9999 holds no badge: 404, as for a unit with none. from and to have no year limit here.
            ["bad query"] = 400,
            ["extreme query"] = 200,
            ["the end of time"] = 404,
            ["the last day"] = 404,
            ["the widest period"] = 200,
        }),
        ["POST /api/units/"] = new(Reads.Json, [201]),
        // A subject is whatever string the identity provider chose, so no value of it is an unknown id.
        ["PUT /api/units/{id}/members/{subject}"] = new(Reads.Nothing, [204], Why: "membership is idempotent and reads no body", Opaque: "subject"),
        ["DELETE /api/units/{id}/members/{subject}"] = new(Reads.Nothing, [204], Why: "membership is idempotent and reads no body", Opaque: "subject"),
        ["POST /api/clients/"] = new(Reads.Json, [201]),
        ["PUT /api/clients/{id}"] = new(Reads.Json, Ok),
        ["GET /ob3/credentials/{id:guid}"] = new(Reads.Nothing, [404], Why: "{id} is filled with the fuzz client's id, which no credential has"),
        ["GET /ob3/credentials/{id:guid}/jwt"] = new(Reads.Nothing, [404], Why: "{id} is filled with the fuzz client's id, which no credential has"),
        ["POST /oid4vci/nonce"] = new(Reads.Nothing, Ok, Why: "a nonce is handed to whoever asks; the request carries nothing"),
        ["POST /oid4vci/token"] = new(Reads.Form, [400], Why: "an OAuth token request is a form; without a pre-authorized code we issued it is 400 invalid_grant"),
        ["POST /oid4vci/credential"] = new(Reads.Json, [400], Why: "without credential_configuration_id it is 400; with it and no access token, 401"),
        ["GET /api/admin/messages"] = new(Reads.Nothing, Ok, Query: new(StringComparer.Ordinal)
        {
            // limit must be 1–1000, as for the audit log; every query case sends 2147483647 or -5.
            ["bad query"] = 400,
            ["extreme query"] = 400,
            ["the end of time"] = 400,
            ["the last day"] = 400,
            ["the widest period"] = 400,
        }),
        ["POST /api/assessments/group"] = new(Reads.Json, [400], Why: "the clean request names no clients, and a group needs 1–30"),
        ["PUT /api/clients/{id}/messages/"] = new(Reads.Json, [400], Why: "the clean request does not say whether the client refuses messages"),
        ["POST /api/assessments/import"] = new(Reads.Nothing, [415, 400], Why: "the import reads text/csv only (415 without it); with a query naming no badge it is 400 for that field"),
        ["POST /api/clients/{id}/erase"] = new(Reads.Json, Ok),
        ["POST /api/clients/{clientId}/baselines/"] = new(Reads.Json, [201]),
        ["POST /api/assessments/"] = new(Reads.Json, [201]),
        ["POST /api/assertions/{id:guid}/revoke"] = new(Reads.Json, Ok),
        ["POST /api/claims"] = new(Reads.Json, Ok),
        ["POST /api/verify/"] = new(Reads.Upload, Ok),
        ["POST /verify"] = new(Reads.Upload, Ok),
        ["POST /api/admin/signing-keys/rotate"] = new(Reads.Nothing, Ok, Why: "rotation takes no input"),
        ["POST /api/clients/{id}/wallet-link/"] = new(Reads.Nothing, [201], Why: "rotation takes no input"),
        ["DELETE /api/clients/{id}/wallet-link/"] = new(Reads.Nothing, [204, 404], Why: "revoking takes no input; once revoked, there is no link left to revoke"),
        ["POST /staff/clients/{clientId}/wallet-link"] = new(Reads.Nothing, [303], Why: "rotation takes no input; a bearer caller needs no antiforgery token"),
        ["POST /staff/clients/new"] = new(Reads.Form, [303]),
        ["POST /staff/clients/{clientId}/baseline"] = new(Reads.Form, [303]),
        ["POST /staff/clients/{clientId}/record/{badgeId}"] = new(Reads.Form, [303]),
        ["POST /staff/group/record"] = new(Reads.Form, Ok, Why: "the group's answers are shown at once, one per client"),
        ["POST /staff/clients/{clientId}/badges/{assertionId:guid}/revoke"] = new(Reads.Form, [303]),
        ["POST /b/{shortId}/check"] = new(Reads.Form, Ok),
        ["POST /claim"] = new(Reads.Form, Ok),
        ["POST /w/{token}/b/{shortId}/claim"] = new(Reads.Form, [303]),
        ["POST /w/{token}/name"] = new(Reads.Form, [303]),
    };

    private static Rule RuleFor(string method, string pattern) =>
        Rules.GetValueOrDefault($"{method} {pattern}") ?? new Rule(Reads.Nothing, Ok);

    /// <summary>The answers the input of one case deserves from its endpoint.</summary>
    private static int[] Expected(FuzzCase c)
    {
        var rule = RuleFor(c.Method, c.Pattern);
        if (c.Kind == CaseKind.BadId && rule.Opaque is { } opaque && c.Input.StartsWith(opaque + "=", StringComparison.Ordinal))
        {
            return rule.Clean;
        }

        if (ReportedGaps.TryGetValue($"{c.Method} {c.Pattern} [{c.Input}]", out var gap))
        {
            return [.. gap];
        }

        if (c.Kind == CaseKind.BadId)
        {
            // An id nothing has, whatever it looks like, is unknown: never a 2xx, never a 400 that would tell it apart.
            return [404];
        }

        if (c.Kind == CaseKind.Query && rule.Query is { } answers)
        {
            return [answers.First(a => c.Input.StartsWith(a.Key, StringComparison.Ordinal)).Value];
        }

        return (rule.Body, c.Kind) switch
        {
            (Reads.Nothing, _) => rule.Clean,
            // Query cases send no body at all: a missing body is a bad body.
            (Reads.Json or Reads.Upload or Reads.Form, CaseKind.Query) => [400],
            (_, CaseKind.Body) when c.Oversized && rule.Body == Reads.Form => [400],
            // Three megabytes of zero bytes are no JSON: the reader may refuse the first chunk (400) before the limit is reached.
            (_, CaseKind.Body) when c.Oversized && c.Input.Contains("chunked", StringComparison.Ordinal) => [400, 413],
            (_, CaseKind.Body) when c.Oversized => [413],
            (Reads.Json, CaseKind.Body) when c.ContentType is not "application/json" => [415],
            (Reads.Upload, CaseKind.Body) => c.ContentType switch
            {
                "application/json" or "multipart/form-data" => [400],
                // An SVG is XML: an XML document that is no baked badge is understood and refused as not a badge.
                "application/xml" => [422],
                _ => [415],
            },
            _ => [400],
        };
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
        var cleanQuery = RuleFor(method, pattern).CleanQuery;
        string Path(string? fuzzed = null, string? value = null) =>
            Parameter().Replace(pattern, m => m.Groups["name"].Value == fuzzed ? value! : Uri.EscapeDataString(GoodValue(pattern, m.Groups["name"].Value)));
        string Url(string? fuzzed = null, string? value = null) => Path(fuzzed, value) + cleanQuery;
        var hasBody = method is "POST" or "PUT" or "PATCH" or "DELETE";

        foreach (var name in parameters)
        {
            foreach (var bad in BadIds)
            {
                yield return new FuzzCase(method, pattern, Url(name, bad), $"{name}={Shorten(bad)}", hasBody ? () => JsonContent.Create(new { }) : null, CaseKind.BadId);
            }
        }

        // Every report kind gets the query cases, not just the one good value.
        var bases = parameters.Contains("kind") ? Osaamismerkit.Reports.ReportCodes.Kinds.Keys.Select(k => Path("kind", k)).ToList() : [Path()];
        foreach (var queryCase in bases.SelectMany(b => QueryCases(method, pattern, b)))
        {
            yield return queryCase;
        }

        if (!hasBody)
        {
            yield break;
        }

        var clientId = _goodValues["clientId"];
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
                """, Encoding.UTF8, "application/json"), CaseKind.Body);
        }

        var url = Url();
        foreach (var (input, body) in Bodies())
        {
            yield return new FuzzCase(method, pattern, url, input, body, CaseKind.Body, Oversized: input.StartsWith("oversized", StringComparison.Ordinal));
        }
    }

    private static IEnumerable<FuzzCase> QueryCases(string method, string pattern, string url)
    {
        // Unknown and malformed languages, and query values of the wrong type for whatever the endpoint reads.
        yield return new FuzzCase(method, pattern, url + "?lang=tlh&q=%00&limit=-5&from=yesterday&to=9999-99-99&track=%27&area=99&level=x&kind=%3Cscript%3E&unitId=..%2F..&entityType=x&actor=%00",
            "bad query", null, CaseKind.Query, Headers: new() { ["Accept-Language"] = "xx-YY;q=abc, tlh, *;q=-1" });
        // Well-formed but extreme: the ends of the calendar and of int, with every grouping and row option a report has.
        var rows = Osaamismerkit.Reports.ReportCodes.BadgeRowOptions.Keys.ToList();
        var groupings = pattern.StartsWith("/api/reports/", StringComparison.Ordinal) ? Osaamismerkit.Reports.ReportCodes.Groupings.Keys.ToList() : ["none"];
        for (var i = 0; i < groupings.Count; i++)
        {
            var common = $"&groupBy={groupings[i]}&by={rows[i % rows.Count]}&limit=2147483647&area=0&level=-2147483648&lang=sv-FI";
            yield return new FuzzCase(method, pattern, url + "?from=0001-01-01&to=9999-12-31" + common, $"extreme query {groupings[i]}", null, CaseKind.Query);
            yield return new FuzzCase(method, pattern, url + "?from=9999-12-31&to=9999-12-31&municipality=167&unit=unit-crowd&track=citizen" + common,
                $"the end of time {groupings[i]}", null, CaseKind.Query);
            yield return new FuzzCase(method, pattern, url + "?from=2000-01-01&to=2100-12-31" + common, $"the widest period {groupings[i]}", null, CaseKind.Query);
            yield return new FuzzCase(method, pattern, url + "?from=2100-12-31&to=2100-12-31&track=worklife" + common, $"the last day {groupings[i]}", null, CaseKind.Query);
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
        yield return ("unknown language", () => Json("""{"displayName": "Testi", "preferredLanguage": "tlh", "unitId": "unit-crowd", "reason": "131052-308T"}"""));
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

    private enum CaseKind
    {
        BadId,
        Query,
        Body,
    }

    private sealed record FuzzCase(
        string Method, string Pattern, string Url, string Input, Func<HttpContent>? Body, CaseKind Kind, bool Oversized = false,
        Dictionary<string, string>? Headers = null)
    {
        public string? ContentType { get; } = Body?.Invoke().Headers.ContentType?.MediaType;

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
