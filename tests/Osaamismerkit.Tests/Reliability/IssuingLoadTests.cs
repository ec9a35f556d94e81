using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reliability;

/// <summary>
/// Many instructors issuing at once against the real server (Kestrel on 127.0.0.1, a SQLite file), with retries of the
/// same Idempotency-Key: afterwards the database is read row by row against every answer given.
/// </summary>
[NonParallelizable]
[Category("Load")]
public sealed class IssuingLoadTests
{
    [Test]
    [CancelAfter(300_000)]
    public async Task Concurrent_issuers_retrying_their_keys_lose_nothing_issue_nothing_twice_and_never_get_a_500(CancellationToken cancellationToken)
    {
        var profile = LoadProfile.FromEnvironment();
        await using var app = await KestrelTestApp.StartAsync(DevIdentityProvider.FreePort(), new Dictionary<string, string?>());
        var instructors = IssuerCrowd.InstructorSubjects(10);
        var unit = await UnitAsync(app, instructors);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue })
        {
            BaseAddress = app.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var clients = await ClientsAsync(http, unit, instructors[0], count: profile.Issuers * 5, cancellationToken);
        var catalogue = app.Services.GetRequiredService<Osaamismerkit.Catalogue.Catalogue>();
        var badges = catalogue.Badges.Where(b => b.Kind == BadgeKind.Skill).ToList();

        var crowd = new IssuerCrowd(http, unit, clients, badges, instructors.Count);
        var run = await crowd.RunAsync(profile.Issuers, profile.Duration, seed: 20261123, cancellationToken);

        TestContext.Out.WriteLine($"{profile.Issuers} issuers for {profile.Duration.TotalSeconds:0} s: {run.Summary()}");
        await using var connection = await app.Services.GetRequiredService<Database>().OpenAsync(cancellationToken);
        Assert.That(run.BadAnswers(), Is.Empty, "answers");
        Assert.That(run.Answered, Has.Count.EqualTo(run.Attempts.Count), "every key got a final answer");
        Assert.That(await run.ProblemsAgainstAsync(connection), Is.Empty, "answers against the database");
        Assert.That(await IssuanceConsistency.ProblemsAsync(connection), Is.Empty, "database consistency");
        Assert.That(await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM assertions"), Is.GreaterThan(profile.Issuers), "the run issued badges");
    }

    private static async Task<string> UnitAsync(KestrelTestApp app, IEnumerable<string> instructors)
    {
        const string Unit = "unit-load";
        await using var connection = await app.Services.GetRequiredService<Database>().OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO municipalities (code, name_fi, name_sv) SELECT '167', 'Joensuu', 'Joensuu' WHERE NOT EXISTS (SELECT 1 FROM municipalities WHERE code = '167')");
        await connection.ExecuteAsync("INSERT INTO units (id, name, municipality_code, created_at) VALUES (@Unit, 'Kuormapaja', '167', @Now)", new { Unit, Now = DateTimeOffset.UtcNow });
        foreach (var subject in instructors)
        {
            await connection.ExecuteAsync("INSERT INTO unit_memberships (unit_id, staff_subject) VALUES (@Unit, @Subject)", new { Unit, Subject = subject });
        }

        return Unit;
    }

    /// <summary>A third with an e-mail address, a third with a phone number, a third with neither (claim codes).</summary>
    private static async Task<IReadOnlyList<string>> ClientsAsync(HttpClient http, string unit, string instructor, int count, CancellationToken cancellationToken)
    {
        var token = TestTokens.Create(instructor, [Roles.Instructor]);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var request = new ClientRequest(
                $"Kuorma Asiakas {i}", i % 3 == 0 ? $"kuorma{i}@example.fi" : null, i % 3 == 1 ? $"+35840{i:0000000}" : null, "fi", unit, null);
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/clients") { Content = JsonContent.Create(request) };
            message.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(message, cancellationToken);
            Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync(cancellationToken));
            ids.Add((await response.Content.ReadFromJsonAsync<ClientView>(cancellationToken))!.Id);
        }

        return ids;
    }
}
