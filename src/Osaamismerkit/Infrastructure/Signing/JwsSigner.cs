using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Osaamismerkit.Infrastructure.Signing;

/// <summary>
/// Compact JWS (RS256) over an Open Badges assertion. The payload is the assertion JSON exactly as
/// published, not a JWT claim set, so the library's token builder (which adds iat/exp) is not used.
/// </summary>
public static class JwsSigner
{
    private static readonly string Header = Base64UrlEncoder.Encode("""{"alg":"RS256"}""");

    /// <remarks>
    /// RS256 is RSASSA-PKCS1-v1_5 with SHA-256 over the ASCII of "header.payload" (RFC 7518 §3.3), signed with the
    /// key directly: building a security key and signing credentials for every assertion cost as much as the RSA
    /// operation itself.
    /// </remarks>
    public static string Sign(string payloadJson, SigningKey key)
    {
        var signingInput = Header + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payloadJson));
        var signature = key.Rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }
}
