using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;

namespace Osaamismerkit.OpenBadges;

/// <summary>The stable public URLs of the Open Badges documents. Changing one breaks every issued badge.</summary>
public sealed class ObUrls(PublicUrls urls)
{
    public string Issuer => urls.Absolute("/ob/issuer");

    public string IssuerImage => urls.Absolute("/ob/issuer/image.png");

    public string RevocationList => urls.Absolute("/ob/revocations");

    public string Key(string keyId) => urls.Absolute($"/ob/keys/{keyId}");

    /// <summary>Finnish is the canonical BadgeClass; Swedish and English versions are linked from it.</summary>
    public string BadgeClass(string badgeId, string version, string language) =>
        urls.Absolute($"/ob/badges/{badgeId}/{version}") + (language == Languages.Default ? string.Empty : "?lang=" + language);

    public string BadgeImage(string badgeId) => urls.Absolute($"/badges/{badgeId}/image.png");

    public string AssertionJson(Guid assertionId) => urls.Absolute($"/ob/assertions/{assertionId}");

    public string AssertionJws(Guid assertionId) => urls.Absolute($"/ob/assertions/{assertionId}/jws");

    public string PublicPage(Guid assertionId) => urls.Absolute($"/b/{ShortIds.Encode(assertionId)}");
}
