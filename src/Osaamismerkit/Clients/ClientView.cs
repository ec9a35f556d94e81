namespace Osaamismerkit.Clients;

public sealed record ClientView(
    string Id,
    string DisplayName,
    string? Email,
    string? Phone,
    string PreferredLanguage,
    string UnitId,
    string MunicipalityCode,
    bool ShareName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
