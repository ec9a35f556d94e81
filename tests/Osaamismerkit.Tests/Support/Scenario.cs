using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Tests.Support;

/// <summary>Test data through the real API: a unit, an instructor who works there, clients and assessments.</summary>
public sealed class Scenario(TestApp app)
{
    private const string EnsureMunicipality = """
        INSERT INTO municipalities (code, name_fi, name_sv)
        SELECT @Code, @Name, @Name WHERE NOT EXISTS (SELECT 1 FROM municipalities WHERE code = @Code)
        """;

    private const string InsertUnit = "INSERT INTO units (id, name, municipality_code, created_at) VALUES (@Id, @Name, @Code, @Now)";

    private const string InsertMembership = "INSERT INTO unit_memberships (unit_id, staff_subject) VALUES (@UnitId, @Subject)";

    public Osaamismerkit.Catalogue.BadgeCatalogue Catalogue => app.Service<Osaamismerkit.Catalogue.BadgeCatalogue>();

    public async Task<string> UnitAsync(params string[] instructorSubjects)
    {
        var id = "unit-" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = await app.Service<Database>().OpenAsync();
        await connection.ExecuteAsync(EnsureMunicipality, new { Code = "167", Name = "Joensuu" });
        await connection.ExecuteAsync(InsertUnit, new { Id = id, Name = "Paja " + id, Code = "167", Now = DateTimeOffset.UtcNow });
        foreach (var subject in instructorSubjects)
        {
            await connection.ExecuteAsync(InsertMembership, new { UnitId = id, Subject = subject });
        }

        return id;
    }

    public HttpClient Instructor(string subject) => app.CreateClient().As(subject, Roles.Instructor);

    public HttpClient Admin(string subject = "admin-1") => app.CreateClient().As(subject, Roles.Admin);

    public async Task<ClientView> ClientAsync(HttpClient instructor, string unitId, string? email = null, string? phone = null, string language = "fi", string name = "Testi Asiakas")
    {
        using var response = await instructor.PostAsJsonAsync("/api/clients", new ClientRequest(name, email, phone, language, unitId, null));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClientView>())!;
    }

    public static AssessmentRequest Passing(BadgeDefinition badge, string clientId, string unitId, string note = "Kirjautui itse ja löysi tiedot.") =>
        new(clientId, badge.Id, badge.Version, "2026-11-20", unitId, DeliveryModes.OnSite,
            badge.Criteria.Select(c => new CriterionResult(c.Id, true)).ToList(), note);

    public static AssessmentRequest FailingOne(BadgeDefinition badge, string clientId, string unitId) =>
        Passing(badge, clientId, unitId) with
        {
            Criteria = badge.Criteria.Select(c => new CriterionResult(c.Id, c != badge.Criteria.First(x => x.Required))).ToList(),
        };

    public static async Task<HttpResponseMessage> AssessAsync(HttpClient instructor, AssessmentRequest request, string? idempotencyKey = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/assessments") { Content = JsonContent.Create(request) };
        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await instructor.SendAsync(message);
    }

    public static async Task<AssessmentResult> PassAsync(HttpClient instructor, AssessmentRequest request)
    {
        using var response = await AssessAsync(instructor, request);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AssessmentResult>())!;
    }

    public async Task<int> CountAsync(string table, string? where = null, object? parameters = null)
    {
        await using var connection = await app.Service<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {table}" + (where is null ? string.Empty : " WHERE " + where), parameters);
    }

    public static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), url);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
