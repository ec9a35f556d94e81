using Osaamismerkit.PublicPages;
using Osaamismerkit.Verification;

namespace Osaamismerkit.Wallet;

public sealed record WalletBadgeModel(
    string Token,
    WalletBadge Badge,
    string PublicUrl,
    string LinkedInUrl,
    FormToken Form,
    bool JustClaimed = false,
    string? ClaimEmail = null,
    string? ClaimError = null);
