namespace Osaamismerkit.Wallet;

/// <summary>The new private link, shown to staff once to print or send to the client; only its hash is kept.</summary>
public sealed record WalletLinkCreated(string ClientId, string Url, DateTimeOffset CreatedAt, bool ReplacedPrevious);
