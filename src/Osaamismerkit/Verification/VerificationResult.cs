namespace Osaamismerkit.Verification;

/// <summary>What a verifier learns about one assertion, computed on the server at <see cref="CheckedAt"/>.</summary>
public sealed record VerificationResult(
    string Status,
    DateTimeOffset CheckedAt,
    string AssertionId,
    string BadgeId,
    string BadgeVersion,
    string ClientId,
    string RecipientType,
    string RecipientIdentity,
    string RecipientSalt,
    string BadgeLanguage,
    DateTimeOffset IssuedOn,
    DateTimeOffset? Expires,
    DateTimeOffset? RevokedAt,
    string? RevocationReason,
    string? EvidenceNarrative);
