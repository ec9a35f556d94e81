using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Demo;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Reports;

namespace Osaamismerkit.Bench;

/// <summary>
/// Seeds a region with about the given number of skill demonstrations (the demo generator, without signing) and times
/// each report through the same service the API uses: the median of three runs after one warm-up.
/// </summary>
public static class ReportsBench
{
    private static readonly (ReportKind Kind, ReportGrouping GroupBy, BadgeRows By)[] Cases =
    [
        (ReportKind.Levels, ReportGrouping.Municipality, BadgeRows.Month),
        (ReportKind.Levels, ReportGrouping.Quarter, BadgeRows.Month),
        (ReportKind.Change, ReportGrouping.Municipality, BadgeRows.Month),
        (ReportKind.BasicLevel, ReportGrouping.Unit, BadgeRows.Month),
        (ReportKind.Badges, ReportGrouping.None, BadgeRows.Month),
        (ReportKind.Badges, ReportGrouping.None, BadgeRows.Unit),
        (ReportKind.TimeToBadge, ReportGrouping.Municipality, BadgeRows.Month),
    ];

    public sealed record Timing(string Report, double Milliseconds);

    public sealed record SizeResult(long Assessments, long Baselines, long Assertions, double SeedSeconds, IReadOnlyList<Timing> Timings);

    /// <param name="keepIn">A folder where each size's database is kept and reused by the next run (seeding 1M takes minutes).</param>
    public static async Task<SizeResult> RunAsync(int assessments, string? keepIn = null)
    {
        var folder = keepIn is null ? null : Path.Combine(keepIn, $"reports-{assessments}");
        var seeded = folder is not null && File.Exists(Path.Combine(folder, "seeded"));
        await using var host = ReportsHost.Start(folder);
        var seeding = Stopwatch.StartNew();
        if (!seeded)
        {
            await using var scope = host.Services.CreateAsyncScope();
            // About seven demonstrations per client over three years with these settings.
            await scope.ServiceProvider.GetRequiredService<DemoRegion>().SeedAsync(new DemoRegionOptions
            {
                Clients = Math.Max(50, assessments / 7),
                AssessmentsPerClient = 8,
                Sign = false,
            });
            if (folder is not null)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, "seeded"), DateTimeOffset.UtcNow.ToString("O"));
            }
        }

        seeding.Stop();
        await using var connection = await host.Services.GetRequiredService<Database>().OpenAsync();
        var counts = await connection.QuerySingleAsync<(long Assessments, long Baselines, long Assertions)>(
            "SELECT (SELECT COUNT(*) FROM assessments), (SELECT COUNT(*) FROM baselines), (SELECT COUNT(*) FROM assertions)");

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fi-FI");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var timings = new List<Timing>();
        foreach (var (kind, groupBy, by) in Cases)
        {
            var filter = new ReportFilter(today.AddYears(-3), today, GroupBy: groupBy, By: by);
            var runs = new List<double>();
            for (var run = 0; run < 4; run++)
            {
                await using var scope = host.Services.CreateAsyncScope();
                var service = scope.ServiceProvider.GetRequiredService<ReportService>();
                var clock = Stopwatch.StartNew();
                _ = await service.BuildAsync(kind, filter, "fi", CancellationToken.None);
                runs.Add(clock.Elapsed.TotalMilliseconds);
            }

            var name = $"{ReportCodes.Of(kind)} by {(kind == ReportKind.Badges ? ReportCodes.Of(by) : ReportCodes.Of(groupBy))}";
            timings.Add(new Timing(name, runs.Skip(1).Order().ElementAt(1)));
        }

        return new SizeResult(counts.Assessments, counts.Baselines, counts.Assertions, seeding.Elapsed.TotalSeconds, timings);
    }

    public static void Print(IReadOnlyList<SizeResult> sizes)
    {
        Console.WriteLine();
        Console.WriteLine("report query times (median of 3 after a warm-up), SQLite, whole period of three years:");
        Console.Write($"{"report",-32}");
        foreach (var size in sizes)
        {
            Console.Write(string.Create(CultureInfo.InvariantCulture, $"{size.Assessments,14:N0}"));
        }

        Console.WriteLine("  assessments");
        for (var i = 0; i < sizes[0].Timings.Count; i++)
        {
            Console.Write($"{sizes[0].Timings[i].Report,-32}");
            foreach (var size in sizes)
            {
                Console.Write(string.Create(CultureInfo.InvariantCulture, $"{size.Timings[i].Milliseconds,11:F0} ms"));
            }

            Console.WriteLine();
        }

        foreach (var size in sizes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  data set: {size.Assessments:N0} assessments, {size.Baselines:N0} baselines, {size.Assertions:N0} assertions, seeded in {size.SeedSeconds:F0} s"));
        }
    }
}
