namespace Osaamismerkit.Reports;

/// <summary>A count of clients with the same five area values (levels or changes) in one row group.</summary>
internal sealed record AreaLevels
{
    public required string GroupKey { get; init; }

    public int L1 { get; init; }

    public int L2 { get; init; }

    public int L3 { get; init; }

    public int L4 { get; init; }

    public int L5 { get; init; }

    public long Clients { get; init; }

    public int Level(int area) => area switch
    {
        1 => L1,
        2 => L2,
        3 => L3,
        4 => L4,
        5 => L5,
        _ => throw new ArgumentOutOfRangeException(nameof(area)),
    };
}
