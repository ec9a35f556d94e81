namespace Osaamismerkit.Infrastructure.Auditing;

/// <summary>
/// Which audit rows an admin asked for; a null part does not filter. From is inclusive, To exclusive. Before is the id of
/// the last row of the previous page: the rows after it in the log's order (newest first, then id), the next page.
/// </summary>
public sealed record AuditFilter(string? EntityType, string? EntityId, string? Actor, DateTimeOffset? From, DateTimeOffset? To, string? Before = null);
