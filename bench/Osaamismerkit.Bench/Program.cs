using System.Globalization;
using Osaamismerkit.Bench;
using Osaamismerkit.Certificates;
using Osaamismerkit.Certificates.Layout;

// dotnet run -c Release --project bench/Osaamismerkit.Bench -- all
// dotnet run -c Release --project bench/Osaamismerkit.Bench -- issuance --seconds 10 --concurrency 16
// dotnet run -c Release --project bench/Osaamismerkit.Bench -- reports --sizes 10000,100000,1000000 [--keep /tmp/om-bench]
// dotnet run -c Release --project bench/Osaamismerkit.Bench -- group --rounds 5
// dotnet run -c Release --project bench/Osaamismerkit.Bench -- certificates --count 1000
// dotnet run -c Release --project bench/Osaamismerkit.Bench -- samples --out /tmp/certificates
var command = args.FirstOrDefault();
var count = Option("--count", 1000);
var output = OptionText("--out", Path.Combine(Path.GetTempPath(), "osaamismerkit-certificates"));
var sizes = OptionText("--sizes", "10000,100000,1000000").Split(',', StringSplitOptions.RemoveEmptyEntries)
    .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Where(s => s > 0).ToArray();
var keep = OptionText("--keep", string.Empty) is { Length: > 0 } kept ? kept : null;

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
    case "all":
        await AllBench.RunAsync(BenchOptions.Parse(args), fonts, images, sizes, keep);
        return 0;
    case "reports":
        var results = new List<ReportsBench.SizeResult>();
        foreach (var size in sizes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reports: {size:N0} assessments…"));
            results.Add(await ReportsBench.RunAsync(size, keep));
        }

        ReportsBench.Print(results);
        return 0;
    case "issuance":
        await AllBench.OneAsync(BenchOptions.Parse(args), sampleOnly: false, IssuanceBench.RunAsync);
        return 0;
    case "group":
        await GroupBench.RunAsync(Option("--rounds", 5));
        return 0;
    case "verification":
        await AllBench.OneAsync(BenchOptions.Parse(args), sampleOnly: true, VerificationBench.RunAsync);
        return 0;
    case "certificate-downloads":
        await AllBench.OneAsync(BenchOptions.Parse(args), sampleOnly: true, CertificateDownloadBench.RunAsync);
        return 0;
    default:
        Console.Error.WriteLine($"usage: all | issuance | group [--rounds N] | verification | certificate-downloads {BenchOptions.Usage} [--sizes N,N] [--keep DIR] | reports [--sizes N,N] [--keep DIR] | certificates [--count N] | samples [--out DIR]");
        return 2;
}

void Certificates() => CertificatesBench.Run(fonts, images, count);

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
