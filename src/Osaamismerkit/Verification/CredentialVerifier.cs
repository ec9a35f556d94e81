using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Osaamismerkit.Credentials;
using Osaamismerkit.Credentials.Keys;
using Osaamismerkit.Credentials.LinkedData;
using Osaamismerkit.Infrastructure.Signing;

namespace Osaamismerkit.Verification;

/// <summary>
/// Checks an Open Badges 3.0 credential someone presents — a VC-JWT or JSON with an eddsa-rdfc-2022 proof — against the
/// issuer's own published keys (every key ever used, so rotation breaks nothing), then answers from the same records as
/// for OB 2.0. A proof by any key that is not ours, or over changed content, is signature-invalid.
/// </summary>
public sealed class CredentialVerifier(
    AssertionVerifier assertions, CredentialUrls urls, SigningKeyStore rsaKeys, VerificationKeys keys, CredentialKeyStore ed25519Keys, EddsaRdfc2022 suite)
{
    /// <summary>Null when the credential names no assertion of ours.</summary>
    public async Task<VerificationResult?> CheckAsync(string credential, CancellationToken cancellationToken = default)
    {
        var text = credential.Trim();
        return text.StartsWith('{') ? await CheckDataIntegrityAsync(text, cancellationToken) : await CheckJwtAsync(text, cancellationToken);
    }

    /// <summary>A compact JWS whose header names a key by a DID URL: a VC-JWT, not an OB 2.0 signed assertion.</summary>
    public static bool IsVcJwt(string jws)
    {
        try
        {
            return new JsonWebToken(jws.Trim()).Kid?.StartsWith("did:", StringComparison.Ordinal) == true;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException)
        {
            return false;
        }
    }

    /// <summary>A JSON object with a proof and a credential subject: a credential secured by Data Integrity.</summary>
    // A signed document whose meaning depends on which of two equal keys wins is refused at
    // parsing; JsonObject would otherwise throw on first access, deep inside the checks.
    internal static readonly System.Text.Json.JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    public static bool IsSecuredCredential(JsonObject document) =>
        document["proof"] is JsonObject or JsonArray { Count: > 0 } && document["credentialSubject"] is not null;

    private async Task<VerificationResult?> CheckJwtAsync(string jwt, CancellationToken cancellationToken)
    {
        JsonWebToken token;
        JsonObject? payload;
        try
        {
            token = new JsonWebToken(jwt);
            payload = JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedPayload), documentOptions: Strict) as JsonObject;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or System.Text.Json.JsonException or FormatException)
        {
            return null;
        }

        if (AssertionIdOf(payload) is not { } assertionId)
        {
            return null;
        }

        var prefix = urls.IssuerDid + "#";
        var pem = token.Alg == SecurityAlgorithms.RsaSha256 && token.Kid?.StartsWith(prefix, StringComparison.Ordinal) == true
            ? await rsaKeys.PublicKeyPemAsync(token.Kid[prefix.Length..], cancellationToken)
            : null;
        return await assertions.CheckAsync(assertionId, pem is not null && RsaSignatureHolds(jwt, pem) && IssuedByUs(payload!), cancellationToken);
    }

    private async Task<VerificationResult?> CheckDataIntegrityAsync(string json, CancellationToken cancellationToken)
    {
        JsonObject? document;
        try
        {
            document = JsonNode.Parse(json, documentOptions: Strict) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        if (AssertionIdOf(document) is not { } assertionId)
        {
            return null;
        }

        var published = (await ed25519Keys.PublishedAsync(cancellationToken)).ToDictionary(k => urls.VerificationMethod(k.Id), k => k.PublicKeyMultibase);
        bool holds;
        try
        {
            holds = suite.Verify(document!, method => published.TryGetValue(method, out var multibase) ? Ed25519Multikey.Decode(multibase) : null).Valid
                && IssuedByUs(document!);
        }
        catch (Exception e) when (e is JsonLdException or ArgumentException or FormatException or InvalidOperationException)
        {
            // An unknown context or a document JSON-LD cannot expand proves nothing.
            holds = false;
        }

        return await assertions.CheckAsync(assertionId, holds, cancellationToken);
    }

    private bool RsaSignatureHolds(string jwt, string pem)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3 || keys.For(pem) is not { } rsa)
        {
            return false;
        }

        try
        {
            return rsa.VerifyData(
                Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64UrlEncoder.DecodeBytes(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private bool IssuedByUs(JsonObject credential) => (credential["issuer"] switch
    {
        JsonObject profile => profile["id"]?.ToString(),
        JsonValue value => value.ToString(),
        _ => null,
    }) == urls.IssuerDid;

    private static Guid? AssertionIdOf(JsonObject? credential) =>
        credential?["id"] is JsonValue id && id.TryGetValue<string>(out var value) && value.StartsWith("urn:uuid:", StringComparison.Ordinal)
        && Guid.TryParse(value["urn:uuid:".Length..], out var guid)
            ? guid
            : null;
}
