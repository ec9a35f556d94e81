using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Osaamismerkit.Oid4vci;

/// <summary>
/// Checks the JWT key proof of a credential request (OpenID4VCI 1.0 Appendix F.1): typ <c>openid4vci-proof+jwt</c>, the
/// holder's public key in the <c>jwk</c> header, <c>aud</c> this issuer, a recent <c>iat</c>, and a signature by that key.
/// The nonce is only read here; whether it was ours and unused is the caller's check, in its transaction.
/// </summary>
/// <remarks>ES256 only: Microsoft.IdentityModel, the repository's JOSE library, verifies it, and every wallet key store has P-256.</remarks>
public static class HolderProofs
{
    public const string Type = "openid4vci-proof+jwt";

    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public static async Task<Oid4vciOutcome<HolderProof>> CheckAsync(string? jwt, string issuerId, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(jwt))
        {
            return Oid4vciError.InvalidProof("A JWT key proof is required.");
        }

        JsonWebToken token;
        JsonObject? header;
        try
        {
            token = new JsonWebToken(jwt);
            header = JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedHeader)) as JsonObject;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException or System.Text.Json.JsonException or FormatException)
        {
            return Oid4vciError.InvalidProof("The key proof is not a JWT.");
        }

        // A private key in the header would mean the wallet leaked it; a key other than P-256 is one we cannot check.
        if (header?["jwk"] is not JsonObject jwk || jwk["d"] is not null || jwk["kty"]?.ToString() != "EC" || jwk["crv"]?.ToString() != "P-256"
            || jwk["x"] is null || jwk["y"] is null)
        {
            return Oid4vciError.InvalidProof("The key proof must carry the holder's public P-256 key as jwk.");
        }

        var publicJwk = new JsonObject { ["crv"] = "P-256", ["kty"] = "EC", ["x"] = jwk["x"]!.ToString(), ["y"] = jwk["y"]!.ToString() };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = new JsonWebKey(publicJwk.ToJsonString()),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidTypes = [Type],
            ValidAudience = issuerId,
            ValidateIssuer = false,
            // No exp in a key proof; its age is judged by iat against the service's own clock below.
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        if (!result.IsValid)
        {
            return Oid4vciError.InvalidProof($"The key proof does not verify: {result.Exception?.GetType().Name}.");
        }

        if (!token.TryGetPayloadValue<long>("iat", out var iat) || Math.Abs((now - DateTimeOffset.FromUnixTimeSeconds(iat)).TotalSeconds) > Skew.TotalSeconds)
        {
            return Oid4vciError.InvalidProof("The key proof's iat is missing or not recent.");
        }

        if (!token.TryGetPayloadValue<string>("nonce", out var nonce) || string.IsNullOrEmpty(nonce))
        {
            return Oid4vciError.InvalidNonce("The key proof has no nonce; get one from the nonce endpoint.");
        }

        var did = "did:jwk:" + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(publicJwk.ToJsonString()));
        return new HolderProof(did, nonce);
    }
}
