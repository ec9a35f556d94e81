using Osaamismerkit.Catalogue;

namespace Osaamismerkit.StaffUi.Overview;

/// <summary>The latest "not yet" of a badge the client does not hold: what was met and what is still missing.</summary>
public sealed record OpenAssessment(string AssessmentId, BadgeDefinition Badge, DateOnly DemonstratedOn, int Met, int Required, IReadOnlyList<Criterion> Missing);
