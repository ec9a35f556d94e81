using System.Globalization;
using Osaamismerkit.Assessments;

namespace Osaamismerkit.Bench;

/// <summary>
/// Public verification as employers' tools and browsers call it — the hosted assertion JSON, its JWS, the public
/// badge page, the verify API and the baked PNG, and the JSON and PNG asked again with their tags (304) — against the bench's bare endpoint on the same server, all in
/// interleaved rounds.
/// </summary>
internal static class VerificationBench
{
    public const int SampleSize = 200;

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchHost host, IssuanceWorkload workload, BenchOptions options)
    {
        var sample = (await workload.SampleAsync(SampleSize)).Select(a => a.Badge).ToArray();
        using var client = host.Client(options.Concurrency);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verification: {SampleSize} issued assertions, {options.Concurrency} concurrent anonymous clients; each figure {options.Seconds} s in {options.Rounds} interleaved windows, {options.WarmUpSeconds} s unmeasured before each"));

        var jsonTags = await TagsAsync(client, sample.Select(b => b.JsonUrl));
        var pngTags = await TagsAsync(client, sample.Select(PngUrl));
        var endpoints = new (string Name, Func<long, CancellationToken, Task<string?>> Operation)[]
        {
            ($"bare endpoint GET {BareEndpoint.Path}", LoadGenerator.Get(client, _ => BareEndpoint.Path)),
            ("assertion JSON GET /ob/assertions/{id}", LoadGenerator.Get(client, i => sample[i % SampleSize].JsonUrl)),
            ("assertion JWS GET /ob/assertions/{id}/jws", LoadGenerator.Get(client, i => sample[i % SampleSize].JwsUrl)),
            ("public badge page GET /b/{shortId} (HTML)", LoadGenerator.Get(client, i => sample[i % SampleSize].PublicUrl)),
            ("verify API GET /api/verify/{shortId}", LoadGenerator.Get(client, i => VerifyUrl(sample[i % SampleSize]))),
            ("baked PNG GET /b/{shortId}/badge.png", LoadGenerator.Get(client, i => PngUrl(sample[i % SampleSize]))),
            ("assertion JSON revalidated (304)", LoadGenerator.Revalidate(client, i => jsonTags[(int)(i % SampleSize)])),
            ("baked PNG revalidated (304)", LoadGenerator.Revalidate(client, i => pngTags[(int)(i % SampleSize)])),
        };

        // Rounds of every endpoint in turn, so that load from elsewhere on the machine falls on the limit and on the
        // figures alike instead of on whichever ran while it lasted. Each round starts further along the list: the
        // first database endpoint after the bare one measured slower whichever it was, and rotating shares that out.
        var windows = endpoints.Select(_ => new List<LoadResult>()).ToArray();
        for (var round = 0; round < options.Rounds; round++)
        {
            for (var step = 0; step < endpoints.Length; step++)
            {
                var e = (step + round * endpoints.Length / options.Rounds) % endpoints.Length;
                var (name, operation) = endpoints[e];
                windows[e].Add(await LoadGenerator.RunAsync(name, options.Concurrency, options.WarmUp, options.Window, operation));
            }
        }

        var results = windows.Select(LoadResult.Merge).ToArray();
        foreach (var (result, perWindow) in results.Zip(windows))
        {
            var spread = string.Join(" / ", perWindow.Select(w => w.PerSecond.ToString("F0", CultureInfo.InvariantCulture)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {result.Name,-44} {result.PerSecond,8:F0} req/s  ({result.Latency}; {result.Cpu}; {result.Failures}; windows {spread})"));
        }

        var (bare, json, jws, page, verify, png) = (results[0], results[1], results[2], results[3], results[4], results[5]);
        var (jsonAgain, pngAgain) = (results[6], results[7]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  limit: the bare endpoint, {bare.PerSecond:F0} req/s; assertion JSON at {Summary.Percent(json.PerSecond / bare.PerSecond)} (target >= 40 %)"));
        Console.WriteLine();

        const string Limit = "req/s bare";
        return
        [
            new Figure("bare endpoint (the limit)", bare.PerSecond, "req/s", bare.ShortLatency),
            new Figure("verification: assertion JSON", json.PerSecond, "req/s", json.ShortLatency, bare.PerSecond, Limit, TargetShare: 0.40),
            new Figure("verification: assertion JWS", jws.PerSecond, "req/s", jws.ShortLatency, bare.PerSecond, Limit),
            new Figure("verification: public HTML page", page.PerSecond, "req/s", page.ShortLatency, bare.PerSecond, Limit),
            new Figure("verification: verify API JSON", verify.PerSecond, "req/s", verify.ShortLatency, bare.PerSecond, Limit),
            new Figure("baked PNG downloads", png.PerSecond, "downloads/s", png.ShortLatency, bare.PerSecond, Limit),
            new Figure("revalidation: assertion JSON (304)", jsonAgain.PerSecond, "req/s", jsonAgain.ShortLatency, bare.PerSecond, Limit),
            new Figure("revalidation: baked PNG (304)", pngAgain.PerSecond, "req/s", pngAgain.ShortLatency, bare.PerSecond, Limit),
        ];
    }

    private static string PngUrl(IssuedBadge badge) => badge.PublicUrl + "/badge.png";

    /// <summary>Each document's tag as a verifier's cache would hold it after its first fetch.</summary>
    private static async Task<(string Url, string Tag)[]> TagsAsync(HttpClient client, IEnumerable<string> urls)
    {
        var tagged = new List<(string, string)>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            tagged.Add((url, response.EnsureSuccessStatusCode().Headers.ETag?.ToString() ?? throw new InvalidOperationException($"{url} has no ETag")));
        }

        return [.. tagged];
    }

    public static string VerifyUrl(IssuedBadge badge) => "/api/verify/" + badge.PublicUrl[(badge.PublicUrl.LastIndexOf('/') + 1)..];
}
