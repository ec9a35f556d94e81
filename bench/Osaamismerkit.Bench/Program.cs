using System.Diagnostics;
using System.Globalization;
using Osaamismerkit.Bench;
using Osaamismerkit.Certificates;
using Osaamismerkit.Certificates.Layout;

// dotnet run -c Release --project bench/Osaamismerkit.Bench -- certificates --count 1000
// dotnet run -c Release --project bench/Osaamismerkit.Bench -- samples --out /tmp/certificates
var command = args.FirstOrDefault();
var count = Option("--count", 1000);
var output = OptionText("--out", Path.Combine(Path.GetTempPath(), "osaamismerkit-certificates"));

using var fonts = new CertificateFonts();
var images = SampleCertificates.Images();

switch (command)
{
    case "certificates":
        Certificates();
        return 0;
    case "samples":
        Samples();
        return 0;
    default:
        Console.Error.WriteLine("usage: certificates [--count N] | samples [--out DIR]");
        return 2;
}

void Certificates()
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
