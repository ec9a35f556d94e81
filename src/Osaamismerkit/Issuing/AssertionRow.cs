namespace Osaamismerkit.Issuing;

/// <summary>An assertion as stored, without its signed documents.</summary>
public sealed record AssertionRow
{
    public required string Id { get; init; }

    public required string ClientId { get; init; }

    public required string BadgeId { get; init; }

    public required string BadgeVersion { get; init; }

    public string? AssessmentId { get; init; }

    public required string RecipientType { get; init; }

    public required string BadgeLanguage { get; init; }

    public required DateTimeOffset IssuedOn { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public string? ClaimCodeProtected { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevocationReason { get; init; }

    /// <summary>What staff wrote when revoking: never published, shown to staff of the client's units.</summary>
    public string? RevocationNote { get; init; }

    public const string Columns = """
        id, client_id, badge_id, badge_version, assessment_id,
        recipient_type, badge_language, issued_on, expires,
        claim_code_protected, revoked_at, revocation_reason, revocation_note
        """;
}
