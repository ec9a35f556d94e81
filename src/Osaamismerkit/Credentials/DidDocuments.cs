using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Osaamismerkit.Infrastructure.Signing;

namespace Osaamismerkit.Credentials;

/// <summary>
/// The issuer's did:web document: every key that ever signed a credential, retired ones included, so that a credential
/// signed before a rotation still resolves its key. RSA keys (VC-JWT) as JsonWebKey2020, Ed25519 keys (Data
/// Integrity) as Multikey; all of them may make assertions.
/// </summary>
public sealed class DidDocuments(CredentialUrls urls, SigningKeyStore rsaKeys, Keys.CredentialKeyStore ed25519Keys)
{
    public async Task<JsonObject> IssuerAsync(CancellationToken cancellationToken = default)
    {
        var did = urls.IssuerDid;
        var methods = new JsonArray();
        var assertion = new JsonArray();
        foreach (var keyId in await rsaKeys.KeyIdsAsync(cancellationToken))
        {
            if (await rsaKeys.PublicKeyPemAsync(keyId, cancellationToken) is not { } pem)
            {
                continue;
            }

            methods.Add(new JsonObject
            {
                ["id"] = urls.VerificationMethod(keyId),
                ["type"] = "JsonWebKey2020",
                ["controller"] = did,
                ["publicKeyJwk"] = RsaJwk(pem),
            });
            assertion.Add(urls.VerificationMethod(keyId));
        }

        foreach (var (keyId, publicKeyMultibase) in await ed25519Keys.PublishedAsync(cancellationToken))
        {
            methods.Add(new JsonObject
            {
                ["id"] = urls.VerificationMethod(keyId),
                ["type"] = "Multikey",
                ["controller"] = did,
                ["publicKeyMultibase"] = publicKeyMultibase,
            });
            assertion.Add(urls.VerificationMethod(keyId));
        }

        return new JsonObject
        {
            // The DID context first: verifiers (jsonld-signatures) then read the document as it is, without framing.
            ["@context"] = new JsonArray(CredentialContexts.Did, CredentialContexts.Multikey, "https://w3id.org/security/suites/jws-2020/v1"),
            ["id"] = did,
            ["verificationMethod"] = methods,
            ["assertionMethod"] = assertion,
        };
    }

    private static JsonObject RsaJwk(string pem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var parameters = rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }
}
