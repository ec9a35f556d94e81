using System.Globalization;

namespace Osaamismerkit.Bench;

/// <summary>Command-line options shared by the HTTP benches.</summary>
internal sealed record BenchOptions(int Seconds, int WarmUpSeconds, int Concurrency, int IssuanceConcurrency, int Clients, int Count, int ServiceWarmUpSeconds, int Rounds, int Port)
{
    public const string Usage = "[--seconds S] [--warmup S] [--concurrency N] [--issuers N] [--clients N] [--count N] [--service-warmup S] [--rounds N] [--port P]";

    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);

    /// <summary>One of the interleaved windows that together make up a figure's measured time.</summary>
    public TimeSpan Window => TimeSpan.FromSeconds((double)Seconds / Rounds);

    public TimeSpan WarmUp => TimeSpan.FromSeconds(WarmUpSeconds);

    public static BenchOptions Parse(string[] args) => new(
        Seconds: Option(args, "--seconds", 10),
        WarmUpSeconds: Option(args, "--warmup", 1),
        Concurrency: Option(args, "--concurrency", 16),
        IssuanceConcurrency: Option(args, "--issuers", Option(args, "--concurrency", 16)),
        Clients: Option(args, "--clients", 3000),
        Count: Option(args, "--count", 1000),
        ServiceWarmUpSeconds: Option(args, "--service-warmup", 3),
        Rounds: Math.Max(1, Option(args, "--rounds", 3)),
        Port: Option(args, "--port", 0));

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
