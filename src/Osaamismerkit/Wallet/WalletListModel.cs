namespace Osaamismerkit.Wallet;

public sealed record WalletListModel(string Token, WalletClient Client, IReadOnlyList<WalletBadge> Badges);
