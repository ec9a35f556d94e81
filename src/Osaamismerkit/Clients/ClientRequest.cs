namespace Osaamismerkit.Clients;

/// <summary>Create or change a client. Minimal data: a name for certificates, the unit, optional contacts.</summary>
public sealed record ClientRequest(
    string? DisplayName,
    string? Email,
    string? Phone,
    string? PreferredLanguage,
    string? UnitId,
    string? MunicipalityCode);
