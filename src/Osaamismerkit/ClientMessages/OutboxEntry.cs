namespace Osaamismerkit.ClientMessages;

/// <summary>What admins see of a message: no address, no link, nothing from the badge's evidence.</summary>
public sealed record OutboxEntry(
    string Id, string ClientId, string AssertionId, string BadgeId, string Kind, string Language, string Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);
