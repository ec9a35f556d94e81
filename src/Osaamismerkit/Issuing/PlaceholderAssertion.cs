namespace Osaamismerkit.Issuing;

/// <summary>An assertion about to be re-issued (a claimed placeholder, a telephone-hash badge) with what the re-issue copies.</summary>
public sealed record PlaceholderAssertion
{
    public required string Id { get; init; }

    public required string ClientId { get; init; }

    public required string BadgeId { get; init; }

    public required string BadgeVersion { get; init; }

    public string? AssessmentId { get; init; }

    public required string BadgeLanguage { get; init; }

    public required DateTimeOffset IssuedOn { get; init; }

    public required string Json { get; init; }
}
