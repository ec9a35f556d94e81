namespace Osaamismerkit.Staff;

/// <summary>A work activity site (työtoimintapaikka, paja).</summary>
public sealed record UnitView
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string MunicipalityCode { get; init; }

    public required string MunicipalityName { get; init; }
}
