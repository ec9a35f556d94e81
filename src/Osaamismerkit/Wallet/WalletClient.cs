namespace Osaamismerkit.Wallet;

/// <summary>The client whose wallet link was opened.</summary>
public sealed record WalletClient
{
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public required string PreferredLanguage { get; init; }

    public required bool ShareName { get; init; }
}
