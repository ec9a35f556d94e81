namespace Osaamismerkit.Infrastructure.Auditing;

public sealed record AuditRecord
{
    public required string Id { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required string ActorId { get; init; }

    public required string ActorRole { get; init; }

    public required string Action { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    public string? Detail { get; init; }
}
