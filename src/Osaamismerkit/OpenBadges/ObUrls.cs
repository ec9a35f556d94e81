using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Infrastructure.Localization;

namespace Osaamismerkit.OpenBadges;

/// <summary>The stable public URLs of the Open Badges documents. Changing one breaks every issued badge.</summary>
public sealed class ObUrls(PublicUrls urls)
{
    /// <summary>The issuer profile of the current key generation; assertions point at their own generation's profile instead.</summary>
    public string Issuer => urls.Absolute("/ob/issuer");

    public string IssuerImage => urls.Absolute("/ob/issuer/image.png");

    public string RevocationList => urls.Absolute("/ob/revocations");

    /// <summary>
    /// One issuer profile per signing key: the official validator accepts a single <c>publicKey</c> on a profile
    /// (openbadges-validator-core issue 260), so a profile that followed the current key would disown every older badge.
    /// </summary>
    public string IssuerOf(string keyId) => urls.Absolute(IssuerPath(keyId));

    public string Key(string keyId) => urls.Absolute(KeyPath(keyId));

    /// <summary>The BadgeClass without a key generation: its issuer is <see cref="Issuer"/>. Only badges issued before generations had it.</summary>
    public string BadgeClass(string badgeId, string version, string language) =>
        urls.Absolute($"/ob/badges/{badgeId}/{version}") + LanguageQuery(language);

    /// <summary>The BadgeClass whose issuer is the profile of <paramref name="keyId"/>, the key that signs the assertion pointing here.</summary>
    public string BadgeClass(string badgeId, string version, string language, string keyId) =>
        urls.Absolute(BadgeClassPath(badgeId, version, language, keyId));

    public string BadgeImage(string badgeId) => urls.Absolute($"/badges/{badgeId}/image.png");

    public string AssertionJson(Guid assertionId) => urls.Absolute($"/ob/assertions/{assertionId}");

    public string AssertionJws(Guid assertionId) => urls.Absolute($"/ob/assertions/{assertionId}/jws");

    public string PublicPage(Guid assertionId) => urls.Absolute($"/b/{ShortIds.Encode(assertionId)}");

    public static string IssuerPath(string keyId) => $"/ob/issuers/{keyId}";

    public static string KeyPath(string keyId) => $"/ob/keys/{keyId}";

    /// <summary>Finnish is the canonical BadgeClass; Swedish and English versions are linked from it.</summary>
    public static string BadgeClassPath(string badgeId, string version, string language, string keyId) =>
        $"/ob/badges/{badgeId}/{version}/{keyId}" + LanguageQuery(language);

    private static string LanguageQuery(string language) => language == Languages.Default ? string.Empty : "?lang=" + language;
}
