namespace Osaamismerkit.Infrastructure.Auditing;

/// <summary>One append-only audit row. Detail holds ids and codes only, never personal data.</summary>
public sealed record AuditEntry(string Action, string EntityType, string EntityId, string? Detail = null);
