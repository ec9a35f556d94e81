using System.Globalization;

namespace Osaamismerkit.Tests.Reliability;

/// <summary>
/// How hard the load test pushes. The short form runs in every <c>dotnet test</c>; OSAAMISMERKIT_FULL_LOAD=1 gives the
/// full 200 issuers for 60 s, and OSAAMISMERKIT_LOAD_ISSUERS / OSAAMISMERKIT_LOAD_SECONDS set either figure by hand.
/// </summary>
public sealed record LoadProfile(int Issuers, TimeSpan Duration)
{
    public const string FullVariable = "OSAAMISMERKIT_FULL_LOAD";

    public static readonly LoadProfile Quick = new(50, TimeSpan.FromSeconds(10));

    public static readonly LoadProfile Full = new(200, TimeSpan.FromSeconds(60));

    public static LoadProfile FromEnvironment()
    {
        var profile = Environment.GetEnvironmentVariable(FullVariable) is "1" or "true" ? Full : Quick;
        return new LoadProfile(
            Number("OSAAMISMERKIT_LOAD_ISSUERS") ?? profile.Issuers,
            Number("OSAAMISMERKIT_LOAD_SECONDS") is { } seconds ? TimeSpan.FromSeconds(seconds) : profile.Duration);
    }

    private static int? Number(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;
}
