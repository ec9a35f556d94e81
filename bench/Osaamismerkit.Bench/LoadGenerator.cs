using System.Diagnostics;

namespace Osaamismerkit.Bench;

/// <summary>
/// A closed-loop loopback load generator: N workers each send one request, wait for the whole answer, send the next.
/// A warm-up period runs first and is not counted; then every operation that completes inside the measured window
/// counts, with its latency. Stops by itself.
/// </summary>
internal static class LoadGenerator
{
    /// <param name="operation">One request: receives a sequence number, returns null on success or what went wrong.</param>
    public static async Task<LoadResult> RunAsync(
        string name, int concurrency, TimeSpan warmUp, TimeSpan duration, Func<long, CancellationToken, Task<string?>> operation)
    {
        long sequence = -1;
        long failed = 0;
        string? firstFailure = null;
        var latencies = new List<double>[concurrency];
        var frequency = (double)Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * frequency);
        var measureTo = measureFrom + (long)(duration.TotalSeconds * frequency);

        async Task Worker(int index)
        {
            var mine = latencies[index] = new List<double>(4096);
            while (true)
            {
                var before = Stopwatch.GetTimestamp();
                if (before >= measureTo)
                {
                    return;
                }

                string? failure;
                try
                {
                    failure = await operation(Interlocked.Increment(ref sequence), CancellationToken.None);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    failure = e.GetType().Name + ": " + e.Message;
                }

                var after = Stopwatch.GetTimestamp();
                if (before < measureFrom || after > measureTo)
                {
                    continue;
                }

                if (failure is null)
                {
                    mine.Add((after - before) * 1000.0 / frequency);
                }
                else if (Interlocked.Increment(ref failed) == 1)
                {
                    firstFailure = failure;
                }
            }
        }

        // CPU time and managed allocation of this whole process (service and load generator) over the measured window.
        async Task<(double Cores, long Allocated)> Usage()
        {
            using var process = Process.GetCurrentProcess();
            await Task.Delay(Stopwatch.GetElapsedTime(start, measureFrom));
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureTo));
            process.Refresh();
            var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
            return ((process.TotalProcessorTime - cpuBefore).TotalSeconds / duration.TotalSeconds, allocated);
        }

        var usage = Usage();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(() => Worker(i))));
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        var (cores, allocatedBytes) = await usage;
        return new LoadResult(name, concurrency, duration, all.Length, failed, firstFailure, all, cores, allocatedBytes);
    }

    /// <summary>A GET whose whole body is read; anything but 200 is a failure.</summary>
    public static Func<long, CancellationToken, Task<string?>> Get(HttpClient client, Func<long, string> url) => async (i, cancellationToken) =>
    {
        using var response = await client.GetAsync(url(i), HttpCompletionOption.ResponseContentRead, cancellationToken);
        return response.StatusCode == System.Net.HttpStatusCode.OK ? null : $"{(int)response.StatusCode} {url(i)}";
    };

    /// <summary>A GET that sends the tag of an earlier answer, as a verifier's cache does; anything but 304 is a failure.</summary>
    public static Func<long, CancellationToken, Task<string?>> Revalidate(HttpClient client, Func<long, (string Url, string Tag)> target) => async (i, cancellationToken) =>
    {
        var (url, tag) = target(i);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", tag);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return response.StatusCode == System.Net.HttpStatusCode.NotModified ? null : $"{(int)response.StatusCode} {url}";
    };
}
