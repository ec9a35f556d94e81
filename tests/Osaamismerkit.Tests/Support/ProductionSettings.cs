using System.Security.Cryptography;

namespace Osaamismerkit.Tests.Support;

/// <summary>The settings production requires (signing key PEMs, the contact lookup key, the public origin), made up in a test folder.</summary>
public static class ProductionSettings
{
    public const string ContactLookupKey = "cHJvZHVjdGlvbi1saWtlLWNvbnRhY3QtbG9va3VwLWtleSE=";

    public static Dictionary<string, string?> In(string folder)
    {
        var pem = Path.Combine(folder, "signing-key.pem");
        if (!File.Exists(pem))
        {
            using var rsa = RSA.Create(2048);
            File.WriteAllText(pem, rsa.ExportPkcs8PrivateKeyPem());
        }

        var ed25519 = Path.Combine(folder, "credential-key.pem");
        if (!File.Exists(ed25519))
        {
            var key = new Org.BouncyCastle.Crypto.Parameters.Ed25519PrivateKeyParameters(new Org.BouncyCastle.Security.SecureRandom());
            var der = Org.BouncyCastle.Pkcs.PrivateKeyInfoFactory.CreatePrivateKeyInfo(key).GetEncoded();
            File.WriteAllText(ed25519, PemEncoding.WriteString("PRIVATE KEY", der));
        }

        return new Dictionary<string, string?>
        {
            ["Signing:PrivateKeyPemPath"] = pem,
            ["Credentials:Ed25519PrivateKeyPemPath"] = ed25519,
            ["ContactLookup:Key"] = ContactLookupKey,
            ["Public:BaseUrl"] = "https://osaamismerkit.example.fi",
        };
    }
}
