namespace Osaamismerkit.Assessments;

/// <summary>What an import's rows share (query parameters); the statement is the shared one, a row's own replaces it.</summary>
public sealed record ImportParameters(string? BadgeId, string? DemonstratedOn, string? UnitId, string? DeliveryMode, string? Statement, bool DryRun);
