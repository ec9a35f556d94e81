namespace Osaamismerkit.ClientMessages;

/// <summary>One row of the outbox as the worker reads it; the payload (the wallet link) is still encrypted.</summary>
public sealed record OutboxMessage
{
    public required string Id { get; init; }

    public required string ClientId { get; init; }

    public required string AssertionId { get; init; }

    public required string BadgeId { get; init; }

    public required string Kind { get; init; }

    public required string Language { get; init; }

    public string? PayloadProtected { get; init; }

    public required string Status { get; init; }

    public required int Attempts { get; init; }

    public required DateTimeOffset NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }
}
