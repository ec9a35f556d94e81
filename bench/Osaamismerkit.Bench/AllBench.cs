using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Osaamismerkit.Certificates.Layout;

namespace Osaamismerkit.Bench;

/// <summary>Every figure in one run on one machine, each beside the limit measured in the same run, then the table.</summary>
internal static class AllBench
{
    public static async Task RunAsync(BenchOptions options, CertificateFonts fonts, byte[][] images, IReadOnlyList<int> reportSizes, string? keep)
    {
        Console.WriteLine(Machine());
        Console.WriteLine($"load average at start: {LoadAverage()}");
        Console.WriteLine();
        var figures = new List<Figure>();
        await using (var host = BenchHost.Start(options.Port))
        {
            var workload = await SetUpAsync(host, options);
            figures.AddRange(await IssuanceBench.RunAsync(host, workload, options));
            figures.AddRange(await VerificationBench.RunAsync(host, workload, options));
            figures.AddRange(await CertificateDownloadBench.RunAsync(host, workload, options));
        }

        figures.AddRange(CertificatesBench.Run(fonts, images, options.Count));

        var reports = new List<ReportsBench.SizeResult>();
        foreach (var size in reportSizes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reports: {size:N0} assessments{(keep is null ? string.Empty : $" (kept in {keep})")}…"));
            reports.Add(await ReportsBench.RunAsync(size, keep));
        }

        if (reports.Count > 0)
        {
            ReportsBench.Print(reports);
            Console.WriteLine();
        }

        Console.WriteLine($"load average at end: {LoadAverage()}");
        Console.WriteLine();
        Console.Write(Summary.Table(figures));
    }

    /// <summary>One bench on its own host; verification and certificates need only their sample of assertions.</summary>
    public static async Task OneAsync(BenchOptions options, bool sampleOnly, Func<BenchHost, IssuanceWorkload, BenchOptions, Task<IReadOnlyList<Figure>>> bench)
    {
        Console.WriteLine(Machine());
        Console.WriteLine($"load average at start: {LoadAverage()}");
        Console.WriteLine();
        await using var host = BenchHost.Start(options.Port);
        var workload = await SetUpAsync(host, sampleOnly ? options with { Clients = Math.Min(options.Clients, VerificationBench.SampleSize) } : options);
        var figures = await bench(host, workload, options);
        Console.Write(Summary.Table(figures));
    }

    public static async Task<IssuanceWorkload> SetUpAsync(BenchHost host, BenchOptions options)
    {
        var setUp = Stopwatch.StartNew();
        var workload = await IssuanceWorkload.CreateAsync(host, options.Clients, Math.Max(options.Concurrency, options.IssuanceConcurrency));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"service: {host.BaseAddress} (Kestrel, in this process), SQLite in {host.DataFolder}; set-up through the API: 1 unit, {options.Clients} clients in {setUp.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine();
        await ServiceWarmUp.RunAsync(host, workload, options);
        return workload;
    }

    public static string Machine() => string.Create(CultureInfo.InvariantCulture, $"""
        {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} CPUs, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024:F0} GB
        GC: {(GCSettings.IsServerGC ? "server" : "workstation")}; load generator and service share this process and its cores
        """);

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
