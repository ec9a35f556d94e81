using Osaamismerkit.PublicPages;
using Osaamismerkit.Verification;

namespace Osaamismerkit.Wallet;

public sealed record WalletNameModel(string Token, WalletClient Client, FormToken Form, bool Saved = false, bool FormExpired = false);
