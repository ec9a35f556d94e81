namespace Osaamismerkit.Clients;

/// <summary>What the outbox needs of a client: the encrypted address, the language, and whether messages are refused.</summary>
public sealed record MessageContact
{
    public required string Id { get; init; }

    public string? EmailProtected { get; init; }

    public required string PreferredLanguage { get; init; }

    public required bool RefusesMessages { get; init; }
}
