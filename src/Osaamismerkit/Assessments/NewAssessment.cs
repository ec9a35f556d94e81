namespace Osaamismerkit.Assessments;

/// <summary>An assessment as it is written; the idempotency key and request hash are null where no retry can come.</summary>
public sealed record NewAssessment
{
    public required string Id { get; init; }

    public required string ClientId { get; init; }

    public required string BadgeId { get; init; }

    public required string BadgeVersion { get; init; }

    public required DateOnly DemonstratedOn { get; init; }

    public string? UnitId { get; init; }

    public string? DeliveryMode { get; init; }

    public required string CriteriaJson { get; init; }

    /// <summary>The published statement of what was demonstrated (the column keeps its first name).</summary>
    public required string EvidenceNote { get; init; }

    /// <summary>Staff only; never published.</summary>
    public string? InternalNote { get; init; }

    public required string Outcome { get; init; }

    public required string InstructorSubject { get; init; }

    public required string InstructorName { get; init; }

    public string? InstructorTitle { get; init; }

    public string? IdempotencyKey { get; init; }

    public string? RequestHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
