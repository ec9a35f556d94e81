using Osaamismerkit.Infrastructure.Http;

namespace Osaamismerkit.Credentials;

/// <summary>
/// The issuer's DID and the public URLs of the Open Badges 3.0 documents. The issuer is <c>did:web</c> of the public
/// origin, so its DID document is <c>/.well-known/did.json</c> on the same host that serves the badges.
/// </summary>
public sealed class CredentialUrls(PublicUrls urls)
{
    public const string DidDocumentPath = "/.well-known/did.json";

    public const string StatusListPath = "/ob3/status/revocation";

    /// <summary>did:web: the host, its port percent-encoded (did:web method §3.1), any base path as colon-separated segments.</summary>
    public string IssuerDid
    {
        get
        {
            var baseUri = new Uri(urls.BaseUrl);
            var host = baseUri.IsDefaultPort ? baseUri.Host : $"{baseUri.Host}%3A{baseUri.Port}";
            var segments = baseUri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return string.Join(':', new[] { "did:web", host }.Concat(segments));
        }
    }

    public string VerificationMethod(string keyId) => IssuerDid + "#" + keyId;

    public string StatusList => urls.Absolute(StatusListPath);

    public string Credential(Guid assertionId) => urls.Absolute($"/ob3/credentials/{assertionId}");

    public string CredentialJwt(Guid assertionId) => urls.Absolute($"/ob3/credentials/{assertionId}/jwt");
}
