using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Osaamismerkit.Infrastructure.Signing;

namespace Osaamismerkit.Bench;

/// <summary>
/// Issuance through the whole HTTP API — POST /api/assessments that passes, assertion signed and committed, answer
/// read — against the raw RS256 sign rate of the same key in this process on every core.
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
        var signDuration = TimeSpan.FromSeconds(Math.Min(options.Seconds, 5));
        double RawSignRate() => SignRate.Measure(
            threads, TimeSpan.FromSeconds(1), signDuration, () => key.Rsa.SignData(signingInput, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        // The limit is measured before and after the HTTP run and averaged, so that load from other processes that
        // comes or goes during the run shows in both figures rather than in one of them.
        var rawBefore = RawSignRate();
        var jws = SignRate.Measure(threads, TimeSpan.FromSeconds(1), signDuration, () => JwsSigner.Sign(json, key));
        var http = await LoadGenerator.RunAsync("issuance", options.IssuanceConcurrency, options.WarmUp, options.Duration, (_, cancellationToken) => workload.IssueNextAsync(cancellationToken));
        var rawAfter = RawSignRate();
        var raw = (rawBefore + rawAfter) / 2;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            issuance: POST /api/assessments (passing; distinct client per request; Idempotency-Key) -> one signed assertion committed
              RS256 sign, same {key.Rsa.KeySize}-bit key, in-process, {threads} threads: {raw,8:F0} signs/s  (before {rawBefore:F0}, after {rawAfter:F0}; {json.Length} B payload)
              JwsSigner.Sign (the product's call), {threads} threads:        {jws,8:F0} signs/s
              HTTP issuance, {http.Concurrency} concurrent instructors, {options.Seconds} s:     {http.PerSecond,8:F1} assertions/s  ({http.Latency}; {http.Cpu}; {http.Failures})
              ratio to the raw sign rate: {Summary.Percent(http.PerSecond / raw)} (target >= 50 %); assessments issued so far {workload.Issued} of {workload.Capacity}
            """));
        Console.WriteLine();
        return
        [
            new Figure("issuance through HTTP", http.PerSecond, "assertions/s", http.ShortLatency, raw, "RS256 signs/s", TargetShare: 0.50),
        ];
    }
}
