namespace Osaamismerkit.Assessments;

/// <summary>An assessment as stored, without the evidence and the instructor.</summary>
public sealed record AssessmentRow
{
    public required string Id { get; init; }

    public required string BadgeId { get; init; }

    public required string Outcome { get; init; }

    public required string CriteriaJson { get; init; }

    public required DateOnly DemonstratedOn { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? RequestHash { get; init; }

    /// <summary>The instructor's note for staff: never published, shown to staff of the client's units.</summary>
    public string? InternalNote { get; init; }

    public const string Columns = "id, badge_id, outcome, criteria_json, demonstrated_on, created_at, request_hash, internal_note";
}
