namespace Osaamismerkit.Assessments;

/// <summary>The outcome; for a pass, the badge and any milestone badges it completed.</summary>
public sealed record AssessmentResult(
    string AssessmentId,
    string Outcome,
    IReadOnlyList<string> MissingCriteria,
    IssuedBadge? Badge,
    IReadOnlyList<IssuedBadge> Milestones);
