using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.StaffUi;

/// <summary>
/// A fresh service per test with one unit and its instructor, browsing the staff pages as a browser would: cookies kept,
/// redirects not followed, so each 303 can be checked.
/// </summary>
public abstract partial class StaffUiTestBase
{
    protected const string InstructorSubject = "instructor-1";

    protected TestApp App { get; private set; } = null!;

    protected Scenario Scenario { get; private set; } = null!;

    protected HttpClient Instructor { get; private set; } = null!;

    protected string Unit { get; private set; } = null!;

    /// <summary>A basic-level skill with an optional criterion, no prerequisite and no expiry.</summary>
    protected BadgeDefinition Badge =>
        Scenario.Catalogue.Badges.First(b => b.Kind == BadgeKind.Skill && b.Level == 2 && b.PrerequisiteIds.Count == 0 && b.ValidityMonths is null);

    [SetUp]
    public async Task StartService()
    {
        App = await TestApp.StartAsync();
        Scenario = new Scenario(App);
        Unit = await Scenario.UnitAsync(InstructorSubject);
        Instructor = Browser(InstructorSubject, Roles.Instructor);
    }

    [TearDown]
    public async Task StopService()
    {
        Instructor.Dispose();
        await App.DisposeAsync();
    }

    protected HttpClient Browser(string? subject = null, params string[] roles)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        return subject is null ? client : client.As(subject, roles);
    }

    protected async Task<ClientView> ClientAsync(string name = "Maija Meikäläinen", string? email = null)
    {
        using var api = Scenario.Instructor(InstructorSubject);
        return await Scenario.ClientAsync(api, Unit, email: email, name: name);
    }

    protected static async Task<string> PageAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"GET {url}: {Text(html)}");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"), url);
        return html;
    }

    /// <summary>The hidden fields of the form posting to <paramref name="action"/>: antiforgery token and form ticket.</summary>
    protected static List<KeyValuePair<string, string>> HiddenFields(string html, string action)
    {
        var form = FormElement(action).Match(html);
        Assert.That(form.Success, Is.True, $"the page has a form posting to {action}");
        return Hidden().Matches(form.Value)
            .Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .ToList();
    }

    protected static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(url, content);
    }

    protected static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    /// <summary>The words of a page as a reader meets them: no tags, entities decoded, runs of white space as one space.</summary>
    protected static string Text(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    protected static string Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString ?? string.Empty;

    private static Regex FormElement(string action) =>
        new($"""<form[^>]*action="{Regex.Escape(action)}"[^>]*>.*?</form>""", RegexOptions.Singleline);

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex Hidden();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
