using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Catalogue;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.AvailableProviders))]
public sealed class CatalogueApiTests(DatabaseProvider provider)
{
    private TestApp _app = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(provider);
        _client = _app.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task Lists_every_badge_in_finnish_by_default_with_absolute_image_urls()
    {
        var badges = await _client.GetFromJsonAsync<List<BadgeView>>("/api/catalogue/badges");
        var catalogue = _app.Service<Osaamismerkit.Catalogue.BadgeCatalogue>();

        Assert.That(badges, Has.Count.EqualTo(catalogue.Badges.Count));
        Assert.That(badges!.Select(b => b.Language).Distinct(), Is.EqualTo(new[] { "fi" }));
        var first = catalogue.Find(badges![0].Id)!;
        Assert.That(badges[0].Name, Is.EqualTo(first.Name.Fi));
        Assert.That(badges[0].ImagePng, Does.StartWith("http://localhost/badges/").And.EndWith("/image.png"));
    }

    [TestCase("sv")]
    [TestCase("en")]
    public async Task Answers_in_the_language_of_accept_language(string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalogue/badges?track=citizen");
        request.Headers.AcceptLanguage.ParseAdd(language + ";q=0.9");
        using var response = await _client.SendAsync(request);
        var badges = await response.Content.ReadFromJsonAsync<List<BadgeView>>();
        var catalogue = _app.Service<Osaamismerkit.Catalogue.BadgeCatalogue>();

        Assert.That(badges, Is.Not.Empty);
        foreach (var badge in badges!)
        {
            Assert.That(badge.Language, Is.EqualTo(language));
            Assert.That(badge.Name, Is.EqualTo(catalogue.Find(badge.Id)!.Name.In(language)));
        }
    }

    [Test]
    public async Task Filters_by_track_area_and_level_together()
    {
        var badges = await _client.GetFromJsonAsync<List<BadgeView>>("/api/catalogue/badges?track=worklife&area=2&level=3");
        var expected = _app.Service<Osaamismerkit.Catalogue.BadgeCatalogue>().Badges
            .Where(b => b.Track == Track.WorkLife && b.Level == 3 && b.Alignment.Any(a => a.Area == 2))
            .Select(b => b.Id);

        Assert.That(badges!.Select(b => b.Id), Is.EquivalentTo(expected));
        Assert.That(badges, Is.Not.Empty);
    }

    [Test]
    public async Task Gets_one_badge_with_its_digcomp_alignment_named()
    {
        var catalogue = _app.Service<Osaamismerkit.Catalogue.BadgeCatalogue>();
        var definition = catalogue.Badges.First(b => b.PrerequisiteIds.Count > 0);

        var badge = await _client.GetFromJsonAsync<BadgeView>($"/api/catalogue/badges/{definition.Id}?lang=en");

        Assert.That(badge!.Name, Is.EqualTo(definition.Name.En));
        Assert.That(badge.Prerequisites, Is.EqualTo(definition.PrerequisiteIds));
        Assert.That(badge.Alignment[0].Code, Is.EqualTo(definition.Alignment[0].Competence));
        Assert.That(badge.Alignment[0].Name, Is.EqualTo(catalogue.DigComp.FindCompetence(definition.Alignment[0].Competence)!.Name.En));
        Assert.That(badge.Alignment[0].Framework, Is.EqualTo("DigComp 2.2"));
    }

    [Test]
    public async Task An_unknown_badge_is_a_problem_details_404()
    {
        using var response = await _client.GetAsync("/api/catalogue/badges/no-such-badge");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(404));
        Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain("no-such-badge"));
    }

    [Test]
    public async Task Bad_filters_are_reported_field_by_field_in_the_callers_language()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalogue/badges?track=space&area=9&level=x");
        request.Headers.AcceptLanguage.ParseAdd("sv");
        using var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "track", "area", "level" }));
        Assert.That(errors.GetProperty("area")[0].GetString(), Is.EqualTo("Kompetensområdet ska vara 1–5."));
        Assert.That(problem.RootElement.GetProperty("title").GetString(), Does.StartWith("Uppgifterna innehåller fel"));
    }

    [Test]
    public async Task An_unknown_language_falls_back_to_finnish()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalogue/badges?level=2");
        request.Headers.AcceptLanguage.ParseAdd("xx-YY");
        using var response = await _client.SendAsync(request);
        var badges = await response.Content.ReadFromJsonAsync<List<BadgeView>>();

        Assert.That(badges!.Select(b => b.Language).Distinct(), Is.EqualTo(new[] { "fi" }));
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    [TestCase("/openapi/v1.json")]
    public async Task Health_and_openapi_answer(string path)
    {
        // The OpenAPI document is for staff outside Development (Security/OpenApiTests).
        using var staff = _app.CreateClient().As("instructor-1", Roles.Instructor);
        using var response = await staff.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_openapi_document_describes_the_catalogue()
    {
        using var staff = _app.CreateClient().As("instructor-1", Roles.Instructor);
        using var document = JsonDocument.Parse(await staff.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name);
        Assert.That(paths, Does.Contain("/api/catalogue/badges").And.Contain("/api/catalogue/badges/{id}"));
    }
}
