using System.Globalization;
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

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            issuance: POST /api/assessments (passing; a new client-badge pair each; Idempotency-Key) -> one signed assertion committed
              RS256 sign, same {key.Rsa.KeySize}-bit key, in-process, {threads} threads: {sign,8:F0} signs/s  (windows {signs}; {json.Length} B payload)
              JwsSigner.Sign (the product's call), {threads} threads:        {jws,8:F0} signs/s
              HTTP issuance, {http.Concurrency} concurrent instructors, {options.Seconds} s:     {http.PerSecond,8:F1} assertions/s  ({http.Latency}; {http.Cpu}; {http.Failures}; windows {rates})
              ratio to the raw sign rate: {Summary.Percent(http.PerSecond / sign)} (target >= 50 %); assessments issued so far {workload.Issued} of {workload.Capacity}
            """));
        Console.WriteLine();
        return
        [
            new Figure("issuance through HTTP", http.PerSecond, "assertions/s", http.ShortLatency, sign, "RS256 signs/s", TargetShare: 0.50),
        ];
    }
}
