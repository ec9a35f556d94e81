using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reliability;

/// <summary>
/// Every endpoint, public and staff, fed what a careless or hostile caller sends: never a 5xx, never a hang, and an
/// API error is RFC 9457 problem details.
/// </summary>
public sealed class BadInputTests : IssuingTestBase
{
    private static readonly string[] Bodies =
    [
        "{", "[]", "123", "null", "\"text\"", "{\"clientId\": 5, \"badgeId\": [], \"criteria\": \"all\", \"areas\": {\"a\": 1}}",
        "{\"displayName\": \"" + new string('x', 200_000) + "\"}", "{\"a\":" + string.Concat(Enumerable.Repeat("[", 2000)) + "}",
        "\u0000\u0001\u0002", "{\"areas\": [null, {\"area\": 99999999999}], \"assessedOn\": \"31.12.2026\", \"phase\": \"<script>\"}",
    ];

    private static readonly string[] Ids =
    [
        "..%2F..%2F..%2Fetc%2Fpasswd", new string('9', 3000), "' OR 1=1 --", "00000000-0000-0000-0000-000000000000", "%F0%9F%98%80",
    ];

    [Test]
    public async Task No_endpoint_answers_malformed_or_hostile_input_with_a_server_error()
    {
        // Redirects are not followed: the staff pages send a bearer caller to sign in, which is not configured here.
        using var admin = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .As("admin-1", Roles.Admin);
        admin.Timeout = TimeSpan.FromSeconds(20);
        var failures = new List<string>();
        var requests = 0;
        foreach (var endpoint in Endpoints())
        {
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods[0];
            foreach (var id in Ids)
            {
                var path = Path(endpoint.RoutePattern, id) + "?lang=xx-YY&from=yesterday&to=9999-99-99&groupBy=%27&by=&limit=-1";
                foreach (var body in method is "GET" or "DELETE" ? [(string?)null] : Bodies.Cast<string?>())
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (body is not null)
                    {
                        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    }

                    using var response = await admin.SendAsync(request);
                    requests++;
                    var status = (int)response.StatusCode;
                    var api = path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/ob", StringComparison.Ordinal);
                    if (status >= 500)
                    {
                        failures.Add($"{method} {path[..Math.Min(path.Length, 120)]} → {status}");
                    }
                    else if (api && status >= 400 && response.Content.Headers.ContentLength != 0
                             && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    {
                        failures.Add($"{method} {path[..Math.Min(path.Length, 120)]} → {status} as {response.Content.Headers.ContentType?.MediaType}");
                    }
                }
            }
        }

        Assert.That(failures, Is.Empty, $"{failures.Count} of {requests} requests");
        Assert.That(requests, Is.GreaterThan(500));
    }

    [Test]
    public async Task A_body_over_the_limit_is_refused_with_413_and_the_verify_upload_has_room_for_a_badge_image()
    {
        await using var app = await KestrelTestApp.StartAsync(DevIdentityProvider.FreePort(), new Dictionary<string, string?>
        {
            ["RequestLimits:MaxRequestBodyBytes"] = "65536",
        });
        // "Expect: 100-continue" with a long wait: the client sends a body only after the server has looked at its length,
        // so a refused body is answered 413 instead of racing the client's upload into a broken pipe.
        var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) };
        using var http = new HttpClient(handler) { BaseAddress = app.BaseAddress }.As("admin-1", Roles.Admin);
        http.DefaultRequestHeaders.ExpectContinue = true;
        var big = "{\"displayName\": \"" + new string('x', 100_000) + "\"}";

        using var clients = await http.PostAsync("/api/clients", new StringContent(big, Encoding.UTF8, "application/json"));
        using var verify = await http.PostAsync("/api/verify", new ByteArrayContent(new byte[300_000]));
        using var huge = await http.PostAsync("/api/verify", new ByteArrayContent(new byte[3_000_000]));
        using var nul = await http.GetAsync("/b/%00");

        Assert.Multiple(() =>
        {
            Assert.That(clients.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(clients.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((int)verify.StatusCode, Is.InRange(400, 499).And.Not.EqualTo(413), "a badge image fits; zeros are simply not a badge");
            Assert.That(huge.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(nul.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a null character in the path is refused by Kestrel itself");
        });
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Count > 0)
            .Where(e => !e.RoutePattern.RawText!.Contains("sign", StringComparison.Ordinal));

    private static string Path(RoutePattern pattern, string value) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart => value,
            RoutePatternSeparatorPart separator => separator.Content,
            _ => string.Empty,
        }))));
}
