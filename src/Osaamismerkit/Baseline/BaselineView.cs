namespace Osaamismerkit.Baseline;

public sealed record BaselineView(
    string Id,
    DateOnly AssessedOn,
    string Phase,
    string UnitId,
    string DeliveryMode,
    IReadOnlyList<AreaLevelView> Areas,
    DateTimeOffset RecordedAt);
