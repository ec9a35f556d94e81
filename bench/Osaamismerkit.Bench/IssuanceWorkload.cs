using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Bench;

/// <summary>
/// Data made through the real API as an admin and an instructor make it — one unit, its instructor, clients — and a
/// stream of passing assessments, each for a (client, badge) pair never issued before: client i % C gets badge i / C,
/// so consecutive assessments are for distinct clients. One part of every milestone is left out of the badges, so no
/// assessment completes a milestone and every one issues exactly one assertion.
/// </summary>
internal sealed class IssuanceWorkload
{
    public const string InstructorSubject = "bench-instructor";

    private static readonly string[] Notes =
    [
        "Kirjautui verkkopankkiin omilla tunnuksillaan ja maksoi laskun itsenäisesti. Tarvitsi apua kerran viitenumeron kanssa.",
        "Lähetti sähköpostin liitteineen ja vastasi saamaansa viestiin. Kertoi omin sanoin, mitä teki ja miksi.",
        "Varasi ajan terveyskeskukseen Omaolossa ja tallensi vahvistuksen. Tunnisti huijausviestin harjoitusaineistosta.",
        "Loggade in med bankkoder, fyllde i ansökan och sparade kvittot. Behövde ingen hjälp.",
    ];

    private static readonly string[] Names = ["Matti Meikäläinen", "Åsa Öhman-Mäkelä", "Jukka Pyykkönen", "Sirpa Väänänen", "Oleg Ivanov", "Aino Heikkinen"];

    private readonly List<string> _clients;
    private readonly List<BadgeDefinition> _badges;
    private readonly string _unitId;
    private long _next = -1;

    private IssuanceWorkload(HttpClient instructor, string unitId, List<string> clients, List<BadgeDefinition> badges)
    {
        Instructor = instructor;
        _unitId = unitId;
        _clients = clients;
        _badges = badges;
    }

    /// <summary>Instructor API client, as many connections as the largest bench uses.</summary>
    public HttpClient Instructor { get; }

    public int Capacity => _clients.Count * _badges.Count;

    public long Issued => Interlocked.Read(ref _next) + 1;

    /// <summary>Every issued badge with its client, for the verification and certificate benches.</summary>
    public ConcurrentQueue<(string ClientId, IssuedBadge Badge)> Assertions { get; } = new();

    public static async Task<IssuanceWorkload> CreateAsync(BenchHost host, int clients, int connections)
    {
        using var admin = host.Client(4, StaffTokens.Bearer("bench-admin", "Bench Admin", Roles.Admin));
        using var created = await admin.PostAsJsonAsync("/api/units", new UnitRequest("Joensuun digipaja (bench)", "167"));
        await Expect(created, HttpStatusCode.Created);
        var unit = (await created.Content.ReadFromJsonAsync<UnitView>())!;
        using var joined = await admin.PutAsync($"/api/units/{unit.Id}/members/{InstructorSubject}", null);
        if (!joined.IsSuccessStatusCode)
        {
            await Expect(joined, HttpStatusCode.OK);
        }

        var instructor = host.Client(connections, StaffTokens.Bearer(InstructorSubject, "Ohjaaja Penchmark", Roles.Instructor));
        var ids = new string[clients];
        await Parallel.ForAsync(0, clients, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
        {
            using var response = await instructor.PostAsJsonAsync("/api/clients", ClientOf(i, unit.Id), cancellationToken);
            await Expect(response, HttpStatusCode.Created);
            ids[i] = (await response.Content.ReadFromJsonAsync<ClientView>(cancellationToken))!.Id;
        });

        var catalogue = host.Services.GetRequiredService<Catalogue.BadgeCatalogue>();
        var leftOut = catalogue.Badges.Where(b => b.Kind == BadgeKind.Milestone).Select(m => m.PartIds[^1]).ToHashSet(StringComparer.Ordinal);
        var badges = catalogue.Badges
            .Where(b => b.Kind == BadgeKind.Skill && b.PrerequisiteIds.Count == 0 && !leftOut.Contains(b.Id))
            .ToList();
        return new IssuanceWorkload(instructor, unit.Id, [.. ids], badges);
    }

    /// <summary>Records the next passing assessment; null when one signed assertion was committed and returned.</summary>
    public async Task<string?> IssueNextAsync(CancellationToken cancellationToken)
    {
        var i = Interlocked.Increment(ref _next);
        if (i >= Capacity)
        {
            return $"workload exhausted after {Capacity} assessments: use more --clients";
        }

        var clientId = _clients[(int)(i % _clients.Count)];
        var badge = _badges[(int)(i / _clients.Count)];
        var request = new AssessmentRequest(
            clientId, badge.Id, badge.Version, DateTime.UtcNow.AddDays(-(i % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), _unitId,
            DeliveryModes.All[(int)(i % DeliveryModes.All.Count)],
            badge.Criteria.Select(c => new CriterionResult(c.Id, true)).ToList(),
            Notes[i % Notes.Length]);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/assessments") { Content = JsonContent.Create(request) };
        // Letters only: a GUID's digits and hyphens sometimes read as a personal identity code (DDMMYY-NNNC), which the
        // service refuses in this header.
        message.Headers.Add("Idempotency-Key", string.Concat(Guid.NewGuid().ToByteArray().Select(b => $"{(char)('g' + (b >> 4))}{(char)('g' + (b & 15))}")));
        using var response = await Instructor.SendAsync(message, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
        }

        var result = (await response.Content.ReadFromJsonAsync<AssessmentResult>(cancellationToken))!;
        if (result.Badge is null || result.Milestones.Count != 0)
        {
            return $"expected exactly one assertion, got outcome {result.Outcome} with {result.Milestones.Count} milestones";
        }

        Assertions.Enqueue((clientId, result.Badge));
        return null;
    }

    /// <summary>The first issued assertions, issuing more first when there are fewer than asked for.</summary>
    public async Task<(string ClientId, IssuedBadge Badge)[]> SampleAsync(int size)
    {
        while (Assertions.Count < size)
        {
            if (await IssueNextAsync(CancellationToken.None) is { } failure)
            {
                throw new InvalidOperationException("Issuing the sample failed: " + failure);
            }
        }

        return Assertions.Take(size).ToArray();
    }

    private static ClientRequest ClientOf(int i, string unitId) => new(
        $"{Names[i % Names.Length]} {i}",
        i % 3 == 0 ? $"asiakas.{i}@example.fi" : null,
        i % 3 == 1 ? "040 " + (1_000_000 + i).ToString(CultureInfo.InvariantCulture) : null,
        (i % 10) switch { 8 => "sv", 9 => "en", _ => "fi" },
        unitId,
        null);

    private static async Task Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
