namespace Osaamismerkit.Credentials;

/// <summary>The JSON-LD contexts our credentials name; each is bundled (LinkedData), none is ever fetched.</summary>
public static class CredentialContexts
{
    public const string Vc2 = "https://www.w3.org/ns/credentials/v2";

    /// <summary>Open Badges 3.0.3's context; the 1EdTech schema requires it second, after VC 2.0.</summary>
    public const string OpenBadges = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    public const string Did = "https://www.w3.org/ns/did/v1";

    public const string Multikey = "https://w3id.org/security/multikey/v1";

    public const string Jwk = "https://w3id.org/security/jwk/v1";

}
