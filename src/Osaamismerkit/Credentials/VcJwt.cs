using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Osaamismerkit.Infrastructure.Signing;
using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.Credentials;

/// <summary>
/// The VC-JWT form of a credential (Open Badges 3.0 §8.2): the payload is the credential itself with the registered
/// claims beside it — <c>iss</c> the issuer's id, <c>nbf</c> from validFrom, <c>exp</c> from validUntil, <c>jti</c> the
/// credential id, <c>sub</c> the subject's id when it has one — and the JOSE header names the key as <c>kid</c>, a DID URL
/// resolved through the issuer's DID document.
/// </summary>
/// <remarks>
/// RS256 with the Open Badges 2.0 RSA keys: OB 3.0 makes RS256 the one algorithm every verifier must accept, and those
/// keys already have storage, rotation and publication. Microsoft.IdentityModel (the repository's JOSE library) signs it;
/// it has no EdDSA, which the Data Integrity proof covers with Ed25519.
/// </remarks>
public static class VcJwt
{
    public const string MediaType = "application/jwt";

    public static string Sign(JsonObject credential, SigningKey key, string keyId)
    {
        var payload = (JsonObject)credential.DeepClone();
        payload["iss"] = IssuerId(credential);
        payload["jti"] = credential["id"]?.GetValue<string>();
        payload["nbf"] = Seconds(credential["validFrom"]);
        if (credential["validUntil"] is { } validUntil)
        {
            payload["exp"] = Seconds(validUntil);
        }

        if (credential["credentialSubject"]?["id"] is { } subject)
        {
            payload["sub"] = subject.GetValue<string>();
        }

        var signing = new SigningCredentials(new RsaSecurityKey(key.Rsa) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);
        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(ObJson.Options), signing);
    }

    /// <summary>The credential inside a VC-JWT: the payload less the registered claims the JWT added.</summary>
    public static JsonObject? Credential(string jwt)
    {
        try
        {
            var token = new JsonWebToken(jwt);
            var payload = JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedPayload)) as JsonObject;
            foreach (var claim in new[] { "iss", "jti", "nbf", "exp", "sub", "iat" })
            {
                payload?.Remove(claim);
            }

            return payload;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or System.Text.Json.JsonException or FormatException)
        {
            return null;
        }
    }

    private static string? IssuerId(JsonObject credential) => credential["issuer"] switch
    {
        JsonObject profile => profile["id"]?.GetValue<string>(),
        JsonValue value => value.GetValue<string>(),
        _ => null,
    };

    private static long Seconds(JsonNode? timestamp) =>
        DateTimeOffset.Parse(timestamp!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
}
