using System.Net;
using System.Text.RegularExpressions;

namespace Osaamismerkit.Tests.Support;

/// <summary>
/// A browser for staff sign-in through the development identity provider: cookies kept per site, redirects not followed,
/// so each hop is visible; <see cref="SignInAsync"/> walks the provider's login as a person would.
/// </summary>
public sealed partial class StaffBrowser(Uri app) : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private HttpClient? _client;

    private HttpClient Http => _client ??= new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false, UseCookies = true })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public Task<HttpResponseMessage> GetAsync(string path) => GetAsync(new Uri(app, path));

    public Task<HttpResponseMessage> GetAsync(Uri url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    public Task<HttpResponseMessage> PostAsync(string path) => PostFormAsync(new Uri(app, path), []);

    public Task<HttpResponseMessage> PostFormAsync(Uri url, Dictionary<string, string> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>Sends with this browser's cookies; the caller sets any Origin or Sec-Fetch-Site header a browser would.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => Http.SendAsync(request);

    public bool HasCookie(string name) => _cookies.GetCookies(app).Any(c => c.Name == name && !c.Expired && c.Value.Length > 0);

    /// <summary>Follows the provider's login interaction as <paramref name="user"/> and returns where the app finally sends the browser.</summary>
    public async Task<Uri> SignInAsync(Uri authorize, string user)
    {
        var location = authorize;
        for (var step = 0; step < 12; step++)
        {
            var response = await GetAsync(location);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found)
            {
                var next = new Uri(location, response.Headers.Location!);
                if (next.Authority == app.Authority && !next.AbsolutePath.StartsWith("/signin-oidc", StringComparison.Ordinal))
                {
                    return next;
                }

                location = next;
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            var action = FormAction().Match(html);
            Assert.That(action.Success, Is.True, $"expected the provider's login form at {location} ({(int)response.StatusCode}):\n{html}");
            var posted = await PostFormAsync(new Uri(location, WebUtility.HtmlDecode(action.Groups[1].Value)), new Dictionary<string, string>
            {
                ["prompt"] = "login",
                ["login"] = user,
                ["password"] = "any",
            });
            Assert.That(posted.Headers.Location, Is.Not.Null, $"login POST answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
            location = new Uri(location, posted.Headers.Location!);
        }

        Assert.Fail("sign-in did not finish in 12 steps");
        return location;
    }

    /// <summary>Signs in from /signin to the staff start page.</summary>
    public async Task SignInAsync(string user)
    {
        using var challenge = await GetAsync("/signin");
        await SignInAsync(challenge.Headers.Location!, user);
    }

    public void Dispose() => _client?.Dispose();

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();
}
