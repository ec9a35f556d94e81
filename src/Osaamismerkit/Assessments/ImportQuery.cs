namespace Osaamismerkit.Assessments;

/// <summary>The query of an import: what every row shares, and whether this is only a dry run (the default).</summary>
public sealed record ImportQuery(string? BadgeId, string? DemonstratedOn, string? UnitId, string? DeliveryMode, string? Statement, bool? DryRun);
