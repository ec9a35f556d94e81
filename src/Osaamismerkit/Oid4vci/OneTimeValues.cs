using System.Security.Cryptography;
using System.Text;

namespace Osaamismerkit.Oid4vci;

/// <summary>Pre-authorized codes, access tokens and nonces: 256 random bits, base64url, stored only as their SHA-256.</summary>
public static class OneTimeValues
{
    public static string Create() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
