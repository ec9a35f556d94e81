using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Osaamismerkit.Infrastructure.Signing;

/// <summary>
/// Compact JWS (RS256) over an Open Badges assertion. The payload is the assertion JSON exactly as
/// published, not a JWT claim set, so the library's token builder (which adds iat/exp) is not used.
/// </summary>
public static class JwsSigner
{
    public static string Sign(string payloadJson, SigningKey key)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"RS256"}""");
        var payload = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payloadJson));
        var credentials = new SigningCredentials(new RsaSecurityKey(key.Rsa) { KeyId = key.Id }, SecurityAlgorithms.RsaSha256);
        var signature = JwtTokenUtilities.CreateEncodedSignature($"{header}.{payload}", credentials);
        return $"{header}.{payload}.{signature}";
    }
}
