using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Osaamismerkit.Tests.Support;

/// <summary>
/// Checks a compact JWS with nothing but the platform's RSA primitives and the published PEM — none of the
/// code that signs — so a bug in signing cannot hide behind the same bug in verifying.
/// </summary>
public static class IndependentJwsVerifier
{
    public static bool Verify(string compactJws, string publicKeyPem)
    {
        var parts = compactJws.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        using var header = JsonDocument.Parse(Decode(parts[0]));
        if (header.RootElement.GetProperty("alg").GetString() != "RS256")
        {
            return false;
        }

        using var rsa = RSA.Create();
        rsa.ImportFromPem(publicKeyPem);
        return rsa.VerifyData(
            Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]),
            Decode(parts[2]),
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
    }

    public static string Payload(string compactJws) => Encoding.UTF8.GetString(Decode(compactJws.Split('.')[1]));

    public static string WithPayload(string compactJws, string payload)
    {
        var parts = compactJws.Split('.');
        return parts[0] + "." + Encode(Encoding.UTF8.GetBytes(payload)) + "." + parts[2];
    }

    public static byte[] Decode(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
