namespace Osaamismerkit.Clients;

/// <summary>Everything the service holds about one client, for a GDPR access request.</summary>
public sealed record ClientDataExport(
    DateTimeOffset ExportedAt,
    ClientView Client,
    IReadOnlyList<IDictionary<string, object?>> Assessments,
    IReadOnlyList<IDictionary<string, object?>> Assertions,
    IReadOnlyList<IDictionary<string, object?>> WalletLinks,
    IReadOnlyList<IDictionary<string, object?>> AuditEntries);
