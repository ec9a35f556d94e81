using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.PublicPages;

/// <summary>What the public badge page's handlers need, bound with [AsParameters].</summary>
public sealed record BadgePageServices(
    PublicBadges Badges, ObUrls Urls, PublicUrls PublicUrls, IOptions<IssuerOptions> Issuer, IAntiforgery Antiforgery)
{
    /// <summary>The page's model for this request, with a fresh antiforgery token for its email-check form.</summary>
    public BadgePageModel Model(PublicBadge badge, HttpContext context) => new(
        badge,
        $"/b/{badge.ShortId}",
        Urls.PublicPage(badge.Id),
        Urls.BadgeImage(badge.Badge.Id),
        Urls.AssertionJson(badge.Id),
        PublicUrls.Absolute($"/api/verify/{badge.ShortId}"),
        Issuer.Value.Name,
        Issuer.Value.Url,
        PublicForms.Token(context, Antiforgery));
}
