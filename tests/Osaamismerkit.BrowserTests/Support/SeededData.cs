using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;
using Osaamismerkit.Wallet;

namespace Osaamismerkit.BrowserTests.Support;

/// <summary>
/// One client with three badges — one valid, one revoked, one expired — and a wallet link, made through the real
/// API by an instructor of the client's unit. The clock then moves past the expiring badge's end date.
/// </summary>
public sealed record SeededData(
    string Email,
    string ClientName,
    BadgeDefinition ValidBadge,
    string ValidShortId,
    string ValidAssertionId,
    string RevokedShortId,
    string RevocationReason,
    string ExpiredShortId,
    string WalletPath)
{
    public static async Task<SeededData> CreateAsync(KestrelTestApp app, FakeTimeProvider clock)
    {
        const string email = "maija@example.fi";
        const string name = "Maija Meikäläinen";
        const string reason = Osaamismerkit.Issuing.RevocationReasons.IssuedInError;
        var catalogue = app.Services.GetRequiredService<Osaamismerkit.Catalogue.BadgeCatalogue>();
        var basic = catalogue.Badges.Where(b => b.Kind == BadgeKind.Skill && b.Level == 2 && b.ValidityMonths is null && b.PrerequisiteIds.Count == 0).Take(2).ToList();
        var expiring = catalogue.Badges.First(b => b.Kind == BadgeKind.Skill && b.ValidityMonths is not null && b.PrerequisiteIds.Count == 0);

        var unit = await UnitAsync(app, "Pilvipaja", "instructor-1");
        using var instructor = app.Http().As("instructor-1", Roles.Instructor);
        using var created = await instructor.PostAsJsonAsync("/api/clients", new ClientRequest(name, email, null, "fi", unit, null));
        var client = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ClientView>())!;

        var valid = await PassAsync(instructor, basic[0], client.Id, unit);
        var revoked = await PassAsync(instructor, basic[1], client.Id, unit);
        var expired = await PassAsync(instructor, expiring, client.Id, unit);
        (await instructor.PostAsJsonAsync($"/api/assertions/{revoked.AssertionId}/revoke", new RevokeRequest(reason, "Kirjattiin väärälle asiakkaalle."))).EnsureSuccessStatusCode();
        using var link = await instructor.PostAsync($"/api/clients/{client.Id}/wallet-link", null);
        var wallet = (await link.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<WalletLinkCreated>())!;

        clock.SetUtcNow(expired.Expires!.Value.AddDays(1));
        return new SeededData(
            email, name, basic[0], ShortId(valid), valid.AssertionId, ShortId(revoked), reason, ShortId(expired), new Uri(wallet.Url).AbsolutePath);
    }

    private static async Task<IssuedBadge> PassAsync(HttpClient instructor, BadgeDefinition badge, string clientId, string unit)
    {
        var request = new AssessmentRequest(
            clientId, badge.Id, badge.Version, "2026-11-20", unit, DeliveryModes.OnSite,
            badge.Criteria.Select(c => new CriterionResult(c.Id, true)).ToList(), "Teki tehtävät itsenäisesti pajalla.");
        using var response = await instructor.PostAsJsonAsync("/api/assessments", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(201), body);
        return JsonSerializer.Deserialize<AssessmentResult>(body, JsonSerializerOptions.Web)!.Badge!;
    }

    /// <summary>A unit written straight to the database, with its staff as members.</summary>
    public static async Task<string> UnitAsync(KestrelTestApp app, string name, params string[] staff)
    {
        var id = "unit-" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = await app.Services.GetRequiredService<Database>().OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO municipalities (code, name_fi, name_sv) SELECT '167', 'Joensuu', 'Joensuu' WHERE NOT EXISTS (SELECT 1 FROM municipalities WHERE code = '167')");
        await connection.ExecuteAsync("INSERT INTO units (id, name, municipality_code, created_at) VALUES (@Id, @Name, '167', @Now)", new { Id = id, Name = name, Now = DateTimeOffset.UtcNow });
        foreach (var subject in staff)
        {
            await connection.ExecuteAsync("INSERT INTO unit_memberships (unit_id, staff_subject) VALUES (@Id, @Subject)", new { Id = id, Subject = subject });
        }

        return id;
    }

    private static string ShortId(IssuedBadge badge) => ShortIds.Encode(Guid.Parse(badge.AssertionId));
}
