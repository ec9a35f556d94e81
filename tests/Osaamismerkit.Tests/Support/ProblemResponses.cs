using System.Globalization;
using System.Resources;
using System.Text.Json;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Tests.Support;

/// <summary>Checks that an error answer is RFC 9457 problem details in the caller's language, with nothing of the exception in it.</summary>
public static class ProblemResponses
{
    private static readonly ResourceManager Texts = new(typeof(Messages));

    public static async Task AssertAsync(HttpResponseMessage response, string titleKey, string language = "fi")
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)response.StatusCode));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo(Texts.GetString(titleKey, CultureInfo.GetCultureInfo(language))));
        Assert.That(body, Does.Not.Contain("Sqlite").And.Not.Contain(" at ").And.Not.Contain("database"), "no exception text or stack trace");
    }
}
