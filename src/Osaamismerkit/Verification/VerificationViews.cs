using Microsoft.Extensions.Options;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.PublicPages;

namespace Osaamismerkit.Verification;

public sealed class VerificationViews(ObUrls urls, IOptions<IssuerOptions> issuer)
{
    public CertificatePdfView Of(CertificatePdfCheck certificate, PageText text) => new(
        certificate.Signature,
        certificate.CheckedAt,
        certificate.SignedBy,
        certificate.SignedAt,
        certificate.Badges.Select(b => Of(b, text)).ToList());

    public VerificationView Of(PublicBadge badge, PageText text, bool? recipientMatches = null)
    {
        var check = badge.Check;
        var definition = badge.Badge;
        return new VerificationView(
            check.Status,
            check.CheckedAt,
            check.AssertionId,
            urls.PublicPage(badge.Id),
            urls.AssertionJson(badge.Id),
            new VerifiedBadge(
                definition.Id,
                definition.Version,
                definition.Name.In(text.Language),
                definition.Level,
                PublicBadgeWording.Level(definition, text),
                urls.BadgeImage(definition.Id),
                urls.BadgeClass(definition.Id, definition.Version, text.Language)),
            new VerifiedIssuer(urls.Issuer, issuer.Value.Name, issuer.Value.Url),
            check.IssuedOn,
            check.Expires,
            check.RevokedAt,
            PublicBadgeWording.RevocationReason(check.RevocationReason, text),
            recipientMatches);
    }
}
