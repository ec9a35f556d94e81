using System.Data.Common;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Tests.Support;

/// <summary>What an <see cref="IssuerCrowd"/> needs before it starts: a unit its instructors work in, clients, badges.</summary>
public static class CrowdSetup
{
    public const string Unit = "unit-crowd";

    public static IReadOnlyList<BadgeDefinition> SkillBadges() =>
        CatalogueLoader.Load(CatalogueFiles.DefinitionsFolder, CatalogueFiles.SchemaPath).Badges.Where(b => b.Kind == BadgeKind.Skill).ToList();

    public static HttpClient Http(Uri baseAddress) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A SQLite connection of the test's own to the service's database file, beside the service's.</summary>
    public static async Task<SqliteConnection> OpenFileAsync(string dataFolder)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataFolder, "osaamismerkit.db"),
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync();
        await connection.ExecuteAsync("PRAGMA busy_timeout = 30000");
        return connection;
    }

    public static async Task<string> UnitAsync(DbConnection connection, IEnumerable<string> instructors)
    {
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
    public static async Task<IReadOnlyList<string>> ClientsAsync(HttpClient http, string instructor, int count, CancellationToken cancellationToken)
    {
        var token = TestTokens.Create(instructor, [Roles.Instructor]);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var request = new ClientRequest(
                $"Kuorma Asiakas {i}", i % 3 == 0 ? $"kuorma{i}@example.fi" : null, i % 3 == 1 ? $"+35840{i:0000000}" : null, "fi", Unit, null);
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/clients") { Content = JsonContent.Create(request) };
            message.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(message, cancellationToken);
            Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync(cancellationToken));
            ids.Add((await response.Content.ReadFromJsonAsync<ClientView>(cancellationToken))!.Id);
        }

        return ids;
    }
}
