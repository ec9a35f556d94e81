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

    public const string Columns = """
        id AS Id, client_id AS ClientId, badge_id AS BadgeId, badge_version AS BadgeVersion, assessment_id AS AssessmentId,
        recipient_type AS RecipientType, badge_language AS BadgeLanguage, issued_on AS IssuedOn, expires AS Expires,
        claim_code_protected AS ClaimCodeProtected, revoked_at AS RevokedAt, revocation_reason AS RevocationReason
        """;
}
