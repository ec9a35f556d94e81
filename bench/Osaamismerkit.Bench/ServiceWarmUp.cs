using System.Globalization;
using System.Net;

namespace Osaamismerkit.Bench;

/// <summary>
/// Each measured endpoint under full load for a few seconds before anything is measured. Without it the first bench
/// of a run measured tiered compilation and cold per-connection SQLite page caches: the bare endpoint ran at 40 % and
/// the first database read at half of what they did minutes later.
/// </summary>
internal static class ServiceWarmUp
{
    public static async Task RunAsync(BenchHost host, IssuanceWorkload workload, BenchOptions options)
    {
        if (options.ServiceWarmUpSeconds <= 0)
        {
            return;
        }

        var sample = await workload.SampleAsync(VerificationBench.SampleSize);
        using var anonymous = host.Client(options.Concurrency);
        var each = TimeSpan.FromSeconds(options.ServiceWarmUpSeconds);
        var steps = new (string Name, Func<long, CancellationToken, Task<string?>> Operation)[]
        {
            ("issuance", (_, cancellationToken) => workload.IssueNextAsync(cancellationToken)),
            ("bare", LoadGenerator.Get(anonymous, _ => BareEndpoint.Path)),
            ("json", LoadGenerator.Get(anonymous, i => sample[i % sample.Length].Badge.JsonUrl)),
            ("jws", LoadGenerator.Get(anonymous, i => sample[i % sample.Length].Badge.JwsUrl)),
            ("page", LoadGenerator.Get(anonymous, i => sample[i % sample.Length].Badge.PublicUrl)),
            ("verify", LoadGenerator.Get(anonymous, i => VerificationBench.VerifyUrl(sample[i % sample.Length].Badge))),
            ("png", LoadGenerator.Get(anonymous, i => sample[i % sample.Length].Badge.PublicUrl + "/badge.png")),
            ("certificate", LoadGenerator.Get(workload.Instructor, i => CertificateDownloadBench.Url(sample[i % sample.Length].ClientId, sample[i % sample.Length].Badge))),
        };
        long requests = 0;
        foreach (var (name, operation) in steps)
        {
            var result = await LoadGenerator.RunAsync(name, options.Concurrency, TimeSpan.Zero, each, operation);
            if (result.Failed > 0)
            {
                throw new InvalidOperationException($"Warm-up of {name} failed: {result.Failures}");
            }

            requests += result.Completed;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"service warm-up: {steps.Length} endpoints, {options.ServiceWarmUpSeconds} s each under load, {requests} requests, not measured"));
        Console.WriteLine();
    }
}
