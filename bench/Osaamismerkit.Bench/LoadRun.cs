using System.Diagnostics;
using System.Globalization;

namespace Osaamismerkit.Bench;

/// <summary>A loopback load generator: N workers send requests for a fixed time; latencies of every request kept.</summary>
public static class LoadRun
{
    public sealed record Result(string Name, int Requests, int Failures, double Seconds, double P50Ms, double P99Ms)
    {
        public double PerSecond => Requests / Seconds;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Name,-28} {PerSecond,9:F0} req/s   p50 {P50Ms,6:F2} ms   p99 {P99Ms,7:F2} ms   ({Requests} requests, {Failures} failed)");
    }

    public static async Task<Result> RunAsync(string name, int workers, TimeSpan duration, Func<HttpClient, int, Task<bool>> request, HttpClient client)
    {
        // Warm-up: JIT, connection pool and caches before the clock starts.
        var warm = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            while (DateTime.UtcNow < warm)
            {
                await request(client, w);
            }
        }));

        var latencies = new List<double>[workers];
        var failures = new int[workers];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            var mine = latencies[w] = new List<double>(4096);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await request(client, w);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                failures[w] += ok ? 0 : 1;
            }
        }));
        clock.Stop();

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Result(name, all.Length, failures.Sum(), clock.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    public static HttpClient Client(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
