using System.Security.Cryptography;

namespace Osaamismerkit.Tests.Support;

/// <summary>The settings production requires (a signing key PEM, the contact lookup key, the public origin), made up in a test folder.</summary>
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

        return new Dictionary<string, string?>
        {
            ["Signing:PrivateKeyPemPath"] = pem,
            ["ContactLookup:Key"] = ContactLookupKey,
            ["Public:BaseUrl"] = "https://osaamismerkit.example.fi",
        };
    }
}
