namespace Osaamismerkit.Demo;

/// <summary>The size of a generated demo region; the defaults are the county's project in miniature.</summary>
public sealed record DemoRegionOptions
{
    public int Units { get; init; } = 30;

    public int Clients { get; init; } = 350;

    public int Years { get; init; } = 3;

    /// <summary>Skill demonstrations per client on average (passed and not yet).</summary>
    public int AssessmentsPerClient { get; init; } = 8;

    /// <summary>Sign every assertion with the real key (the demo), or store a marker instead (the report benchmark).</summary>
    public bool Sign { get; init; } = true;

    public int RandomSeed { get; init; } = 2026;
}
