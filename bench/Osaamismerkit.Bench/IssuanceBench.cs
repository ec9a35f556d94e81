using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Osaamismerkit.Infrastructure.Signing;

namespace Osaamismerkit.Bench;

/// <summary>
/// Issuance through the whole HTTP API — POST /api/assessments that passes, assertion signed and committed, answer
/// read — against the raw RS256 sign rate of the same key in this process on every core, in alternating windows.
/// </summary>
internal static class IssuanceBench
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchHost host, IssuanceWorkload workload, BenchOptions options)
    {
        // A real assertion first: its JSON is the payload the sign rate is measured on.
        if (await workload.IssueNextAsync(CancellationToken.None) is { } failure)
        {
            throw new InvalidOperationException("The first issuance failed: " + failure);
        }

        workload.Assertions.TryPeek(out var first);
        using var anonymous = host.Client(1);
        var json = await anonymous.GetStringAsync(first.Badge.JsonUrl);
        var key = host.Services.GetRequiredService<SigningKeyStore>().Current;
        var signingInput = Encoding.ASCII.GetBytes(Base64UrlEncoder.Encode("""{"alg":"RS256"}""") + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json)));
        var threads = Environment.ProcessorCount;
        double RawSignRate(TimeSpan duration) => SignRate.Measure(
            threads, options.WarmUp, duration, () => key.Rsa.SignData(signingInput, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        var warmUp = await WarmUpAsync(workload, options);

        // The limit and the figure in alternating windows, so that load from elsewhere on the machine falls on both.
        var signWindow = TimeSpan.FromSeconds(Math.Min(options.Window.TotalSeconds, 3));
        var raw = new List<double>();
        var windows = new List<LoadResult>();
        for (var round = 0; round < options.Rounds; round++)
        {
            raw.Add(RawSignRate(signWindow));
            windows.Add(await LoadGenerator.RunAsync(
                "issuance", options.IssuanceConcurrency, options.WarmUp, options.Window, (_, cancellationToken) => workload.IssueNextAsync(cancellationToken)));
        }

        raw.Add(RawSignRate(signWindow));
        var jws = SignRate.Measure(threads, options.WarmUp, signWindow, () => JwsSigner.Sign(json, key));
        var http = LoadResult.Merge(windows);
        var sign = raw.Average();
        var signs = string.Join(" / ", raw.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)));
        var rates = string.Join(" / ", windows.Select(w => w.PerSecond.ToString("F0", CultureInfo.InvariantCulture)));
        var cpus = string.Join(" / ", windows.Select(w => w.CpuMicrosecondsPerOperation.ToString("F0", CultureInfo.InvariantCulture)));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            issuance: POST /api/assessments (passing; a new client-badge pair each; Idempotency-Key) -> one signed assertion committed
              RS256 sign, same {key.Rsa.KeySize}-bit key, in-process, {threads} threads: {sign,8:F0} signs/s  (windows {signs}; {json.Length} B payload)
              JwsSigner.Sign (the product's call), {threads} threads:        {jws,8:F0} signs/s
              HTTP issuance, {http.Concurrency} concurrent instructors, {options.Seconds} s:     {http.PerSecond,8:F1} assertions/s  ({http.Latency}; {http.Cpu}; {http.Failures}; windows {rates})
              CPU per assertion: {http.CpuPerOperation} (process CPU over the windows / assertions; windows {cpus} µs); one raw sign: {threads * 1e6 / sign:F0} CPU-µs
              {warmUp}
              ratio to the raw sign rate: {Summary.Percent(http.PerSecond / sign)} (target >= 50 %); assessments issued so far {workload.Issued} of {workload.Capacity}
            """));
        Console.WriteLine();
        return
        [
            new Figure("issuance through HTTP", http.PerSecond, "assertions/s", http.ShortLatency, sign, "RS256 signs/s", TargetShare: 0.50),
        ];
    }

    /// <summary>
    /// Issues under full load in one-second rounds until a round compiles almost no method: tiered compilation
    /// recompiles hot methods (tier 1, on-stack replacement) seconds into a run, and a window that pays for that
    /// measures the JIT, not issuance. At least three rounds, at most thirty.
    /// </summary>
    private static async Task<string> WarmUpAsync(IssuanceWorkload workload, BenchOptions options)
    {
        const int quietRound = 3;
        var started = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var issued = 0L;
        var rounds = 0;
        var last = long.MaxValue;
        while (rounds < 30 && (rounds < 3 || last > quietRound))
        {
            var round = await LoadGenerator.RunAsync(
                "issuance warm-up", options.IssuanceConcurrency, TimeSpan.Zero, TimeSpan.FromSeconds(1), (_, cancellationToken) => workload.IssueNextAsync(cancellationToken));
            if (round.Failed > 0)
            {
                throw new InvalidOperationException($"Issuance warm-up failed: {round.Failures}");
            }

            var now = JitInfo.GetCompiledMethodCount();
            last = now - compiled;
            compiled = now;
            issued += round.Completed;
            rounds++;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"warm-up before the windows: {issued} assertions in {started.Elapsed.TotalSeconds:F0} s, until a one-second round compiled {last} methods (≤ {quietRound} wanted)");
    }
}
