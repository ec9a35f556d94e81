using System.Globalization;
using System.Net;
using Osaamismerkit.Assessments;

namespace Osaamismerkit.Bench;

/// <summary>
/// One-badge certificate PDFs through the staff API as an instructor prints them: access check, the assertion read,
/// one A4 page rendered, the print written to the audit log, the file sent.
/// </summary>
internal static class CertificateDownloadBench
{
    public static string Url(string clientId, IssuedBadge badge) => $"/api/clients/{clientId}/certificates/{badge.AssertionId}";

    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchHost host, IssuanceWorkload workload, BenchOptions options)
    {
        var sample = await workload.SampleAsync(VerificationBench.SampleSize);
        var concurrency = Math.Min(options.Concurrency, Environment.ProcessorCount * 2);
        var result = await LoadGenerator.RunAsync("certificate downloads", concurrency, options.WarmUp, options.Duration, async (i, cancellationToken) =>
        {
            var (clientId, badge) = sample[i % sample.Length];
            var url = Url(clientId, badge);
            using var response = await workload.Instructor.GetAsync(url, cancellationToken);
            var pdf = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.StatusCode == HttpStatusCode.OK && pdf.AsSpan().StartsWith("%PDF"u8) ? null : $"{(int)response.StatusCode} {url}";
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            certificate downloads: GET /api/clients/{"{id}"}/certificates/{"{assertionId}"} (one A4 page each), {concurrency} concurrent instructors, {options.Seconds} s
              {result.PerSecond,8:F1} pages/s  ({result.Latency}; {result.Cpu}; {result.Failures})
            """));
        Console.WriteLine();
        return [new Figure("certificate PDFs through HTTP", result.PerSecond, "pages/s", result.ShortLatency, TargetValue: 50)];
    }
}
