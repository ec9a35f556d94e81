namespace Osaamismerkit.Issuing;

/// <summary>An assertion's signed documents as served; an erased assertion keeps its stripped JSON and an empty JWS.</summary>
public sealed record AssertionDocument
{
    public required string Id { get; init; }

    public required string BadgeId { get; init; }

    public required string Json { get; init; }

    public required string Jws { get; init; }
}
