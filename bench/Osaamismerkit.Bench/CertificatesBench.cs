using System.Diagnostics;
using System.Globalization;
using Osaamismerkit.Certificates;
using Osaamismerkit.Certificates.Layout;

namespace Osaamismerkit.Bench;

/// <summary>
/// Certificate rendering in-process, single-threaded: one batch PDF, then the same pages one PDF each; each PDF signed
/// with a development document-signing certificate, as the service signs them.
/// </summary>
internal static class CertificatesBench
{
    public static IReadOnlyList<Figure> Run(CertificateFonts fonts, byte[][] images, int count)
    {
        var signing = new DocumentSigningCertificate(DocumentSigningCertificate.Development(Directory.CreateTempSubdirectory("osaamismerkit-bench-signing-").FullName));
        var renderer = new BatchCertificateRenderer(fonts, TimeProvider.System, signing);
        var items = Enumerable.Range(0, count)
            .Select(i => new CertificateBatchItem(SampleCertificates.Recipient(i), [SampleCertificates.Badge(i, images)]))
            .ToList();

        // Warm up JIT, fonts and native libraries on a small batch first.
        renderer.Write(SampleCertificates.Issuer, items.Take(5).ToList(), "fi", Stream.Null);
        GC.Collect();

        using var process = Process.GetCurrentProcess();
        var batchCpu = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var batch = Stopwatch.StartNew();
        var pdf = new CountingStream();
        renderer.Write(SampleCertificates.Issuer, items, "fi", pdf);
        batch.Stop();
        process.Refresh();
        batchCpu = process.TotalProcessorTime - batchCpu;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var collections = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]).ToArray();

        // The same certificates one PDF each, as the per-client endpoint renders them.
        var single = new BadgeCertificateRenderer(fonts, TimeProvider.System, signing);
        var separateCpu = process.TotalProcessorTime;
        var separate = Stopwatch.StartNew();
        long separateBytes = 0;
        foreach (var item in items)
        {
            var file = new CountingStream();
            single.Write(SampleCertificates.Issuer, item.Recipient, item.Badges, file);
            separateBytes += file.Length;
        }

        separate.Stop();
        process.Refresh();
        separateCpu = process.TotalProcessorTime - separateCpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            certificates: {count} (one A4 page each), {Environment.ProcessorCount} CPUs, single-threaded
            one batch PDF:  {batch.Elapsed.TotalSeconds:F2} s, {count / batch.Elapsed.TotalSeconds:F0} pages/s, {pdf.Length / 1024.0 / 1024.0:F1} MB; process CPU {batchCpu.TotalMilliseconds / count:F1} ms per page
            one PDF each:   {separate.Elapsed.TotalSeconds:F2} s, {count / separate.Elapsed.TotalSeconds:F0} pages/s, {separateBytes / (double)count / 1024.0:F0} kB per PDF; process CPU {separateCpu.TotalMilliseconds / count:F1} ms per PDF
            peak working set: {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB (whole process, both runs)
            batch GC: {allocated / 1024.0 / 1024.0 / count:F2} MB allocated per page; collections gen0/1/2: {collections[0]}/{collections[1]}/{collections[2]}; managed heap now {GC.GetTotalMemory(forceFullCollection: false) / 1024.0 / 1024.0:F0} MB
            """));
        Console.WriteLine();
        return
        [
            new Figure("certificates in-process: batch PDF", count / batch.Elapsed.TotalSeconds, "pages/s", TargetValue: 50),
            new Figure("certificates in-process: one PDF each", count / separate.Elapsed.TotalSeconds, "pages/s", TargetValue: 50),
        ];
    }
}
