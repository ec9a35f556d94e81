using System.Globalization;

namespace Osaamismerkit.Bench;

/// <summary>What one load run measured: operations completed in the measured window, their latencies, failures.</summary>
internal sealed record LoadResult(string Name, int Concurrency, TimeSpan Duration, long Completed, long Failed, string? FirstFailure, double[] LatenciesMs, double CoresUsed, long AllocatedBytes)
{
    public double PerSecond => Completed / Duration.TotalSeconds;

    /// <summary>Several windows of the same operation as one: their operations, time and latencies added up.</summary>
    public static LoadResult Merge(IReadOnlyList<LoadResult> windows)
    {
        var latencies = windows.SelectMany(w => w.LatenciesMs).ToArray();
        Array.Sort(latencies);
        var duration = TimeSpan.FromTicks(windows.Sum(w => w.Duration.Ticks));
        return new LoadResult(
            windows[0].Name,
            windows[0].Concurrency,
            duration,
            windows.Sum(w => w.Completed),
            windows.Sum(w => w.Failed),
            windows.Select(w => w.FirstFailure).FirstOrDefault(f => f is not null),
            latencies,
            windows.Sum(w => w.CoresUsed * w.Duration.TotalSeconds) / duration.TotalSeconds,
            windows.Sum(w => w.AllocatedBytes));
    }

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public string Latency => string.Create(CultureInfo.InvariantCulture, $"p50 {P50:F2} ms, p99 {P99:F2} ms");

    public string ShortLatency => string.Create(CultureInfo.InvariantCulture, $"{P50:F1} / {P99:F1} ms");

    public string Cpu => string.Create(CultureInfo.InvariantCulture, $"process CPU {CoresUsed:F2} of {Environment.ProcessorCount} cores");

    /// <summary>
    /// Process CPU (service and load generator together) per completed operation over the window. The window's CPU
    /// also pays for operations that straddle its edges, which are not counted: a few per worker in thousands.
    /// </summary>
    public double CpuMicrosecondsPerOperation => Completed == 0 ? double.NaN : CoresUsed * Duration.TotalSeconds * 1e6 / Completed;

    /// <summary>Managed bytes allocated by the whole process per completed operation over the window.</summary>
    public double AllocatedBytesPerOperation => Completed == 0 ? double.NaN : (double)AllocatedBytes / Completed;

    public string CpuPerOperation => string.Create(CultureInfo.InvariantCulture,
        $"{CpuMicrosecondsPerOperation:F0} CPU-µs and {AllocatedBytesPerOperation / 1024:F1} kB allocated each");

    public string Failures => Failed == 0 ? "no failures" : $"{Failed} FAILED (first: {FirstFailure})";

    /// <summary>Nearest rank over the sorted latencies.</summary>
    private double Percentile(double p) =>
        LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Clamp((int)Math.Ceiling(p * LatenciesMs.Length) - 1, 0, LatenciesMs.Length - 1)];
}
