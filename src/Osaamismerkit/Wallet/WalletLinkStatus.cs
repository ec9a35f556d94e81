namespace Osaamismerkit.Wallet;

public sealed record WalletLinkStatus(string ClientId, bool Active, DateTimeOffset? CreatedAt);
