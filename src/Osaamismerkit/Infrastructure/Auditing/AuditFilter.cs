namespace Osaamismerkit.Infrastructure.Auditing;

/// <summary>Which audit rows an admin asked for; a null part does not filter. From is inclusive, To exclusive.</summary>
public sealed record AuditFilter(string? EntityType, string? EntityId, string? Actor, DateTimeOffset? From, DateTimeOffset? To);
