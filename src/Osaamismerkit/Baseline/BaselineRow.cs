namespace Osaamismerkit.Baseline;

/// <summary>A baseline as stored: one row, the five areas as columns.</summary>
internal sealed record BaselineRow
{
    public required string Id { get; init; }

    public required string ClientId { get; init; }

    public required DateOnly AssessedOn { get; init; }

    public required string Phase { get; init; }

    public required string UnitId { get; init; }

    public required string DeliveryMode { get; init; }

    public required int Level1 { get; init; }

    public required int Level2 { get; init; }

    public required int Level3 { get; init; }

    public required int Level4 { get; init; }

    public required int Level5 { get; init; }

    public int? Self1 { get; init; }

    public int? Self2 { get; init; }

    public int? Self3 { get; init; }

    public int? Self4 { get; init; }

    public int? Self5 { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public int Level(int area) => area switch
    {
        1 => Level1,
        2 => Level2,
        3 => Level3,
        4 => Level4,
        5 => Level5,
        _ => throw new ArgumentOutOfRangeException(nameof(area)),
    };

    public int? Self(int area) => area switch
    {
        1 => Self1,
        2 => Self2,
        3 => Self3,
        4 => Self4,
        5 => Self5,
        _ => throw new ArgumentOutOfRangeException(nameof(area)),
    };

    public BaselineView ToView() => new(
        Id, AssessedOn, Phase, UnitId, DeliveryMode,
        BaselineAreas.Numbers.Select(a => new AreaLevelView(a, Level(a), Self(a))).ToList(),
        CreatedAt);
}
