namespace Osaamismerkit.Clients;

/// <summary>
/// Everything the service holds about one client, for a GDPR access request. Baselines carry the client's own view of
/// each area (the <c>area*_self</c> columns): the product stores no other self-assessment.
/// </summary>
public sealed record ClientDataExport(
    DateTimeOffset ExportedAt,
    ClientView Client,
    IReadOnlyList<IDictionary<string, object?>> Assessments,
    IReadOnlyList<IDictionary<string, object?>> Assertions,
    IReadOnlyList<IDictionary<string, object?>> Baselines,
    IReadOnlyList<IDictionary<string, object?>> WalletLinks,
    IReadOnlyList<IDictionary<string, object?>> AuditEntries)
{
    /// <summary>The messages sent or waiting to be sent to the client: kind, language, status and times.</summary>
    public IReadOnlyList<IDictionary<string, object?>> Messages { get; init; } = [];
}
