using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;

namespace Osaamismerkit.Infrastructure.Security;

/// <summary>
/// Loads a certificate with its private key from a PFX file or from Azure Key Vault: the one loader for the key-ring
/// certificate and the document-signing certificate. <paramref name="settingPrefix"/> (e.g. "KeyRing") names the keys in
/// messages.
/// </summary>
public static class ConfiguredCertificate
{
    public static X509Certificate2? Load(string settingPrefix, string? pfxPath, string? pfxPassword, Uri? keyVaultUri, string? keyVaultCertificateName)
    {
        X509Certificate2? certificate = null;
        if (!string.IsNullOrWhiteSpace(pfxPath))
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(pfxPath, pfxPassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        else if (keyVaultUri is not null)
        {
            // Key Vault hands out a certificate's private key only as the secret of the same name (PFX, base64), read with
            // the service's managed identity (or a developer's Azure CLI sign-in).
            var client = new SecretClient(keyVaultUri, new DefaultAzureCredential(new DefaultAzureCredentialOptions { ExcludeInteractiveBrowserCredential = true }));
            var secret = client.GetSecret(keyVaultCertificateName).Value;
            certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(secret.Value), null, X509KeyStorageFlags.EphemeralKeySet);
        }

        if (certificate is not null && !certificate.HasPrivateKey)
        {
            throw new MissingConfigurationException($"The {settingPrefix} certificate has no private key.");
        }

        return certificate;
    }
}
