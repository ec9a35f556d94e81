namespace Osaamismerkit.Baseline;

/// <summary>A request that passed validation; levels and self-assessments are indexed by area number − 1.</summary>
internal sealed record ValidBaseline(DateOnly AssessedOn, string UnitId, string Phase, string DeliveryMode, int[] Levels, int?[] SelfAssessments);
