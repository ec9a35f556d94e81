namespace Osaamismerkit.Baseline;

/// <summary>A baseline for all five competence areas at once, as the instructor enters it on one screen.</summary>
public sealed record BaselineRequest(
    string? AssessedOn,
    string? UnitId,
    string? Phase,
    string? DeliveryMode,
    IReadOnlyList<AreaLevelInput?>? Areas);
