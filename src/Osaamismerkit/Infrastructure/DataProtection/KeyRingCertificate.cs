using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;

namespace Osaamismerkit.Infrastructure.DataProtection;

/// <summary>Loads the certificate that encrypts the key ring: from a PFX file, or from Azure Key Vault.</summary>
public static class KeyRingCertificate
{
    public static X509Certificate2? Load(KeyRingOptions options)
    {
        X509Certificate2? certificate = null;
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        else if (options.KeyVaultUri is not null)
        {
            // Key Vault hands out a certificate's private key only as the secret of the same name (PFX, base64).
            var client = new SecretClient(options.KeyVaultUri, new DefaultAzureCredential(new DefaultAzureCredentialOptions { ExcludeInteractiveBrowserCredential = true }));
            var secret = client.GetSecret(options.KeyVaultCertificateName).Value;
            certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(secret.Value), null, X509KeyStorageFlags.EphemeralKeySet);
        }

        if (certificate is not null && !certificate.HasPrivateKey)
        {
            throw new MissingConfigurationException("The key-ring certificate has no private key: the key ring could be written but never read.");
        }

        return certificate;
    }
}
