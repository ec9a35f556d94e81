using System.Globalization;
using Osaamismerkit.Assessments;

namespace Osaamismerkit.Bench;

/// <summary>
/// Public verification as employers' tools and browsers call it — the hosted assertion JSON, its JWS, the public
/// badge page, the verify API and the baked PNG — against the bench's bare endpoint on the same server. The bare
/// endpoint runs first and last and its mean is the limit, so drift from other work on the machine shows.
/// </summary>
internal static class VerificationBench
{
    public const int SampleSize = 200;

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchHost host, IssuanceWorkload workload, BenchOptions options)
    {
        var sample = (await workload.SampleAsync(SampleSize)).Select(a => a.Badge).ToArray();
        using var client = host.Client(options.Concurrency);
        Console.WriteLine($"verification: {SampleSize} issued assertions, {options.Concurrency} concurrent anonymous clients, {options.Seconds} s each after {options.WarmUpSeconds} s warm-up");

        async Task<LoadResult> Run(string name, Func<long, string> url)
        {
            var result = await LoadGenerator.RunAsync(name, options.Concurrency, options.WarmUp, options.Duration, LoadGenerator.Get(client, url));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-44} {result.PerSecond,8:F0} req/s  ({result.Latency}; {result.Cpu}; {result.Failures})"));
            return result;
        }

        var bareBefore = await Run($"bare endpoint GET {BareEndpoint.Path} (first)", _ => BareEndpoint.Path);
        var json = await Run("assertion JSON GET /ob/assertions/{id}", i => sample[i % SampleSize].JsonUrl);
        var jws = await Run("assertion JWS GET /ob/assertions/{id}/jws", i => sample[i % SampleSize].JwsUrl);
        var page = await Run("public badge page GET /b/{shortId} (HTML)", i => sample[i % SampleSize].PublicUrl);
        var verify = await Run("verify API GET /api/verify/{shortId}", i => VerifyUrl(sample[i % SampleSize]));
        var png = await Run("baked PNG GET /b/{shortId}/badge.png", i => sample[i % SampleSize].PublicUrl + "/badge.png");
        var bareAfter = await Run($"bare endpoint GET {BareEndpoint.Path} (last)", _ => BareEndpoint.Path);
        var bare = (bareBefore.PerSecond + bareAfter.PerSecond) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  limit: bare endpoint mean {bare:F0} req/s; assertion JSON at {Summary.Percent(json.PerSecond / bare)} (target >= 40 %)"));
        Console.WriteLine();

        const string Limit = "req/s bare";
        return
        [
            new Figure("bare endpoint (the limit)", bare, "req/s", bareBefore.ShortLatency),
            new Figure("verification: assertion JSON", json.PerSecond, "req/s", json.ShortLatency, bare, Limit, TargetShare: 0.40),
            new Figure("verification: assertion JWS", jws.PerSecond, "req/s", jws.ShortLatency, bare, Limit),
            new Figure("verification: public HTML page", page.PerSecond, "req/s", page.ShortLatency, bare, Limit),
            new Figure("verification: verify API JSON", verify.PerSecond, "req/s", verify.ShortLatency, bare, Limit),
            new Figure("baked PNG downloads", png.PerSecond, "downloads/s", png.ShortLatency, bare, Limit),
        ];
    }

    public static string VerifyUrl(IssuedBadge badge) => "/api/verify/" + badge.PublicUrl[(badge.PublicUrl.LastIndexOf('/') + 1)..];
}
