namespace Osaamismerkit.ClientMessages;

/// <summary>A valid badge that runs out soon and whose client has not been told yet.</summary>
public sealed record ExpiringAssertion(string Id, string ClientId, string BadgeId);
