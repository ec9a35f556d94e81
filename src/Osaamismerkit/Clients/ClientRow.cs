namespace Osaamismerkit.Clients;

/// <summary>A client as stored: contact details still encrypted.</summary>
public sealed record ClientRow
{
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public string? EmailProtected { get; init; }

    public string? PhoneProtected { get; init; }

    public required string PreferredLanguage { get; init; }

    public required string UnitId { get; init; }

    public required string MunicipalityCode { get; init; }

    public required bool ShareName { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
