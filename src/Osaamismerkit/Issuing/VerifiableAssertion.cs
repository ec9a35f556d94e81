namespace Osaamismerkit.Issuing;

/// <summary>An assertion with its signed documents and the public key it was signed with, for verification.</summary>
public sealed record VerifiableAssertion
{
    public required string Id { get; init; }

    public required string ClientId { get; init; }

    public required string BadgeId { get; init; }

    public required string BadgeVersion { get; init; }

    public required string RecipientType { get; init; }

    public required string RecipientIdentity { get; init; }

    public required string RecipientSalt { get; init; }

    public required string BadgeLanguage { get; init; }

    public required DateTimeOffset IssuedOn { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevocationReason { get; init; }

    public required string Json { get; init; }

    public required string Jws { get; init; }

    public required string PublicKeyPem { get; init; }
}
