using Osaamismerkit.Verification;

namespace Osaamismerkit.PublicPages;

/// <summary>Everything the public badge page shows, worked out before rendering.</summary>
public sealed record BadgePageModel(
    PublicBadge Badge,
    string Path,
    string PublicUrl,
    string ImageUrl,
    string AssertionJsonUrl,
    string VerifyJsonUrl,
    string IssuerName,
    string IssuerUrl,
    FormToken Form,
    RecipientCheckOutcome? Check = null,
    string? CheckedEmail = null,
    bool FormExpired = false,
    bool JustClaimed = false);
