using System.Diagnostics;
using System.Globalization;
using Osaamismerkit.Bench;
using Osaamismerkit.Certificates;
using Osaamismerkit.Certificates.Layout;

// dotnet run -c Release --project bench/Osaamismerkit.Bench -- all [--seconds 10] [--workers 16] [--sizes 10000,100000,1000000]
// dotnet run -c Release --project bench/Osaamismerkit.Bench -- certificates --count 1000
// dotnet run -c Release --project bench/Osaamismerkit.Bench -- service [--seconds 10] [--workers 16]
// dotnet run -c Release --project bench/Osaamismerkit.Bench -- reports [--sizes 10000,100000,1000000] [--keep /tmp/om-bench]
// dotnet run -c Release --project bench/Osaamismerkit.Bench -- samples --out /tmp/certificates
var command = args.FirstOrDefault();
var count = Option("--count", 1000);
var output = OptionText("--out", Path.Combine(Path.GetTempPath(), "osaamismerkit-certificates"));
var seconds = Option("--seconds", 10);
var workers = Option("--workers", 16);
var keep = OptionText("--keep", string.Empty) is { Length: > 0 } k ? k : null;
var sizes = OptionText("--sizes", "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

using var fonts = new CertificateFonts();
var images = SampleCertificates.Images();

switch (command)
{
    case "certificates":
        Certificates();
        return 0;
    case "service":
        await ServiceAsync();
        return 0;
    case "reports":
        ReportsBench.Print(await ReportsAsync());
        return 0;
    case "all":
        await AllAsync();
        return 0;
    case "samples":
        Samples();
        return 0;
    default:
        Console.Error.WriteLine("usage: all | certificates [--count N] | service [--seconds S] [--workers N] | reports [--sizes N,N] | samples [--out DIR]");
        return 2;
}

double Certificates()
{
    var renderer = new BatchCertificateRenderer(fonts, TimeProvider.System);
    var items = Enumerable.Range(0, count)
        .Select(i => new CertificateBatchItem(SampleCertificates.Recipient(i), [SampleCertificates.Badge(i, images)]))
        .ToList();

    // Warm up JIT, fonts and native libraries on a small batch first.
    renderer.Write(SampleCertificates.Issuer, items.Take(5).ToList(), "fi", Stream.Null);
    GC.Collect();

    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var collectionsBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
    var batch = Stopwatch.StartNew();
    var pdf = new CountingStream();
    renderer.Write(SampleCertificates.Issuer, items, "fi", pdf);
    batch.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var collections = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]).ToArray();

    // The same certificates one PDF each, as the per-client endpoint renders them.
    var single = new BadgeCertificateRenderer(fonts, TimeProvider.System);
    var separate = Stopwatch.StartNew();
    long separateBytes = 0;
    foreach (var item in items)
    {
        var file = new CountingStream();
        single.Write(SampleCertificates.Issuer, item.Recipient, item.Badges, file);
        separateBytes += file.Length;
    }

    separate.Stop();

    using var process = Process.GetCurrentProcess();
    process.Refresh();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
        certificates: {count} (one A4 page each), {Environment.ProcessorCount} CPUs, single-threaded
        one batch PDF:  {batch.Elapsed.TotalSeconds:F2} s, {count / batch.Elapsed.TotalSeconds:F0} pages/s, {pdf.Length / 1024.0 / 1024.0:F1} MB
        one PDF each:   {separate.Elapsed.TotalSeconds:F2} s, {count / separate.Elapsed.TotalSeconds:F0} pages/s, {separateBytes / (double)count / 1024.0:F0} kB per PDF
        peak working set: {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB (whole process, both runs)
        batch GC: {allocated / 1024.0 / 1024.0 / count:F2} MB allocated per page; collections gen0/1/2: {collections[0]}/{collections[1]}/{collections[2]}; managed heap now {GC.GetTotalMemory(forceFullCollection: false) / 1024.0 / 1024.0:F0} MB
        """));
    return count / separate.Elapsed.TotalSeconds;
}

async Task<(LoadRun.Result Issuance, ServiceBench.SignRates Sign, IReadOnlyList<LoadRun.Result> Verification)> ServiceAsync()
{
    await using var host = BenchHost.Start();
    var bench = new ServiceBench(host, workers, TimeSpan.FromSeconds(seconds));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"service on {host.BaseAddress} (SQLite file, Kestrel), {workers} concurrent workers, {seconds} s per figure"));
    var issuance = await bench.IssuanceAsync();
    Console.WriteLine(issuance);
    var sign = await bench.RawSignAsync();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"raw RS256 sign, 1 thread",-28} {sign.SingleThread,9:F0} signs/s"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"raw RS256 sign, all cores",-28} {sign.AllCores,9:F0} signs/s"));
    var verification = await bench.VerificationAsync();
    foreach (var result in verification)
    {
        Console.WriteLine(result);
    }

    return (issuance, sign, verification);
}

async Task<IReadOnlyList<ReportsBench.SizeResult>> ReportsAsync()
{
    var results = new List<ReportsBench.SizeResult>();
    foreach (var size in sizes)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reports: seeding about {size:N0} assessments…"));
        results.Add(await ReportsBench.RunAsync(size, keep));
    }

    return results;
}

async Task AllAsync()
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Osaamismerkit benchmark {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"));
    var (issuance, sign, verification) = await ServiceAsync();
    Console.WriteLine();
    var pages = Certificates();
    var reports = await ReportsAsync();
    ReportsBench.Print(reports);

    var bare = verification[0];
    var rows = new List<(string Figure, string Value, string Limit, double Ratio, double Target)>
    {
        ("issuance through HTTP", $"{issuance.PerSecond:F0}/s", $"RS256 all cores {sign.AllCores:F0}/s", issuance.PerSecond / sign.AllCores, 0.5),
    };
    rows.AddRange(verification.Skip(1).Select(v => (v.Name, $"{v.PerSecond:F0}/s", $"bare {bare.PerSecond:F0}/s", v.PerSecond / bare.PerSecond, v.Name == "assertion JSON-LD" ? 0.4 : 0)));
    rows.Add(("certificate pages (one PDF each)", $"{pages:F0}/s", "target 50/s", pages / 50, 1));
    var largest = reports[^1];
    var slowest = largest.Timings.MaxBy(t => t.Milliseconds)!;
    rows.Add(($"slowest report at {largest.Assessments:N0}", $"{slowest.Milliseconds:F0} ms", "limit 1000 ms", slowest.Milliseconds / 1000, 0));

    Console.WriteLine();
    Console.WriteLine("summary");
    Console.WriteLine($"{"figure",-36} {"value",-12} {"limit (same run)",-26} {"ratio",7}  target");
    foreach (var (figure, value, limit, ratio, target) in rows)
    {
        var verdict = figure.StartsWith("slowest", StringComparison.Ordinal)
            ? (slowest.Milliseconds < 1000 ? "< 1 s: met" : "< 1 s: SHORT")
            : target == 0 ? "-" : ratio >= target ? $">= {target:P0}: met" : $">= {target:P0}: SHORT";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{figure,-36} {value,-12} {limit,-26} {ratio,7:P0}  {verdict}"));
    }
}

void Samples()
{
    Directory.CreateDirectory(output);
    var time = TimeProvider.System;
    var badge = new BadgeCertificateRenderer(fonts, time);
    var combined = new CombinedCertificateRenderer(fonts, time);
    foreach (var language in new[] { "fi", "sv", "en" })
    {
        File.WriteAllBytes(Path.Combine(output, $"badge-{language}.pdf"),
            badge.Render(SampleCertificates.Issuer, SampleCertificates.Recipient(1) with { Language = language }, SampleCertificates.Badge(0, images)));
    }

    File.WriteAllBytes(Path.Combine(output, "badge-claim-fi.pdf"),
        badge.Render(SampleCertificates.Issuer, SampleCertificates.Recipient(0), SampleCertificates.Badge(1, images, claim: true)));
    File.WriteAllBytes(Path.Combine(output, "combined-fi.pdf"),
        combined.Render(SampleCertificates.Issuer, SampleCertificates.Recipient(1), [SampleCertificates.Milestone(images), .. Enumerable.Range(0, 9).Select(i => SampleCertificates.Badge(i, images))]));
    File.WriteAllBytes(Path.Combine(output, "badge-milestone-fi.pdf"),
        badge.Render(SampleCertificates.Issuer, SampleCertificates.Recipient(1), SampleCertificates.Milestone(images)));
    Console.WriteLine($"Wrote sample certificates to {output}");
}

int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

string OptionText(string name, string fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
