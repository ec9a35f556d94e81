using System.Security.Cryptography;

namespace Osaamismerkit.Infrastructure.Signing;

/// <summary>An RSA key that signs assertions; its id names it in the published CryptographicKey URL.</summary>
public sealed record SigningKey(string Id, RSA Rsa, string PublicKeyPem)
{
    public static SigningKey From(RSA rsa)
    {
        var spki = rsa.ExportSubjectPublicKeyInfo();
        var id = "k" + Convert.ToHexStringLower(SHA256.HashData(spki))[..16];
        return new SigningKey(id, rsa, rsa.ExportSubjectPublicKeyInfoPem());
    }
}
