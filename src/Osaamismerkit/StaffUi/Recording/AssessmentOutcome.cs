using Osaamismerkit.Catalogue;

namespace Osaamismerkit.StaffUi.Recording;

/// <summary>One recorded assessment as the result page shows it.</summary>
public sealed record AssessmentOutcome(
    string AssessmentId,
    string ClientId,
    string ClientName,
    BadgeDefinition Badge,
    bool Passed,
    DateOnly DemonstratedOn,
    IReadOnlyList<Criterion> Met,
    IReadOnlyList<Criterion> Missing,
    IssuedLine? Issued,
    IReadOnlyList<IssuedLine> Milestones);
