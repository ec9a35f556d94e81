namespace Osaamismerkit.ClientMessages;

/// <summary>The admin's view of the outbox: whether a server is configured, counts by status, and the latest messages.</summary>
public sealed record OutboxView(bool SendingConfigured, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<OutboxEntry> Messages);
