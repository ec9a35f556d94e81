namespace Osaamismerkit.Baseline;

/// <summary>A client's baselines, oldest first, and the change in each area from the first to the latest.</summary>
public sealed record BaselineHistory(IReadOnlyList<BaselineView> Baselines, IReadOnlyList<AreaChange> Change);
