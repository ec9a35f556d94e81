namespace Osaamismerkit.Assessments;

/// <summary>What the instructor saw: every criterion of the badge met or not yet, and a short evidence note.</summary>
public sealed record AssessmentRequest(
    string? ClientId,
    string? BadgeId,
    string? BadgeVersion,
    string? DemonstratedOn,
    string? UnitId,
    string? DeliveryMode,
    IReadOnlyList<CriterionResult>? Criteria,
    string? EvidenceNote);
