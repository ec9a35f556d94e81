namespace Osaamismerkit.Issuing;

/// <summary>An assertion with the assessment that earned it and the unit where it was shown, for certificates.</summary>
public sealed record AssertionEvidenceRow
{
    public required string Id { get; init; }

    public required string ClientId { get; init; }

    public required string BadgeId { get; init; }

    public required DateTimeOffset IssuedOn { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? ClaimCodeProtected { get; init; }

    public string? AssessedBadgeId { get; init; }

    public string? CriteriaJson { get; init; }

    public string? EvidenceNote { get; init; }

    public string? DeliveryMode { get; init; }

    public DateOnly? DemonstratedOn { get; init; }

    public string? InstructorName { get; init; }

    public string? InstructorTitle { get; init; }

    public string? UnitName { get; init; }
}
