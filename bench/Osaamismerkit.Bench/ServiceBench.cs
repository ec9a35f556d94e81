using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Signing;
using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.Bench;

/// <summary>Issuance and public verification through the whole HTTP API of one running service, with their ceilings.</summary>
public sealed class ServiceBench(BenchHost host, int workers, TimeSpan duration)
{
    private const string Instructor = "bench-instructor";

    public sealed record SignRates(double SingleThread, double AllCores);

    /// <summary>Passed demonstrations through POST /api/assessments, each committing one signed assertion.</summary>
    public async Task<LoadRun.Result> IssuanceAsync()
    {
        var unit = await host.UnitAsync(Instructor);
        using var api = LoadRun.Client(host.BaseAddress, workers);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchHost.Token(Instructor, "Instructor"));
        var badges = host.Service<Catalogue.Catalogue>().Badges
            .Where(b => b.Kind == BadgeKind.Skill && b.PrerequisiteIds.Count == 0)
            .ToList();
        var clients = new List<string>();
        for (var i = 0; i < 600; i++)
        {
            using var created = await api.PostAsJsonAsync("/api/clients", new ClientRequest($"Bench {i}", $"bench{i}@example.fi", null, "fi", unit, null));
            created.EnsureSuccessStatusCode();
            clients.Add((await created.Content.ReadFromJsonAsync<ClientView>())!.Id);
        }

        // Badge by badge across all clients, so that parallel requests rarely touch the same client.
        var pairs = new ConcurrentQueue<(string Client, BadgeDefinition Badge)>(badges.SelectMany(b => clients.Select(c => (c, b))));
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var result = await LoadRun.RunAsync("issuance (HTTP, passed)", workers, duration, async (client, _) =>
        {
            if (!pairs.TryDequeue(out var pair))
            {
                return false;
            }

            var request = new AssessmentRequest(pair.Client, pair.Badge.Id, pair.Badge.Version, today, unit, DeliveryModes.OnSite,
                pair.Badge.Criteria.Select(c => new CriterionResult(c.Id, true)).ToList(), "Teki tehtävän itsenäisesti.");
            using var response = await client.PostAsJsonAsync("/api/assessments", request);
            return (int)response.StatusCode == 201;
        }, api);

        await using var connection = await host.Service<Database>().OpenAsync();
        var committed = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM assertions");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  assertions committed in the database: {committed} (including the warm-up)"));
        return result;
    }

    /// <summary>RS256 signatures of a real assertion with the service's own key, in-process, no HTTP and no database.</summary>
    public async Task<SignRates> RawSignAsync()
    {
        await using var connection = await host.Service<Database>().OpenAsync();
        var payload = await connection.QueryFirstAsync<string>("SELECT assertion_json FROM assertions");
        var key = host.Service<SigningKeyStore>().Current;
        double Rate(int threads)
        {
            var seconds = Math.Min(3, duration.TotalSeconds);
            var counts = new long[threads];
            var clock = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                while (clock.Elapsed.TotalSeconds < seconds)
                {
                    _ = JwsSigner.Sign(payload, key);
                    counts[t]++;
                }
            });
            return counts.Sum() / clock.Elapsed.TotalSeconds;
        }

        _ = Rate(1);
        return new SignRates(Rate(1), Rate(Environment.ProcessorCount));
    }

    /// <summary>The public documents and pages of issued badges, and the constant endpoint as their ceiling.</summary>
    public async Task<IReadOnlyList<LoadRun.Result>> VerificationAsync()
    {
        await using var connection = await host.Service<Database>().OpenAsync();
        var ids = (await connection.QueryAsync<string>("SELECT id FROM assertions ORDER BY id")).Take(500).Select(Guid.Parse).ToArray();
        if (ids.Length == 0)
        {
            throw new InvalidOperationException("Run issuance first: there are no badges to verify.");
        }

        using var web = LoadRun.Client(host.BaseAddress, workers);
        async Task<LoadRun.Result> Run(string name, Func<Guid, string> path)
        {
            var next = 0;
            return await LoadRun.RunAsync(name, workers, duration, async (client, _) =>
            {
                var id = ids[Interlocked.Increment(ref next) % ids.Length];
                using var response = await client.GetAsync(path(id), HttpCompletionOption.ResponseContentRead);
                return response.IsSuccessStatusCode;
            }, web);
        }

        return
        [
            await Run("bare constant endpoint", _ => BenchHost.BarePath),
            await Run("assertion JSON-LD", id => $"/ob/assertions/{id}"),
            await Run("assertion JWS", id => $"/ob/assertions/{id}/jws"),
            await Run("public badge page (HTML)", id => $"/b/{ShortIds.Encode(id)}"),
            await Run("baked PNG download", id => $"/b/{ShortIds.Encode(id)}/badge.png"),
        ];
    }
}
