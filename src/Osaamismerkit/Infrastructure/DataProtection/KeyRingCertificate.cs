using System.Security.Cryptography.X509Certificates;
using Osaamismerkit.Infrastructure.Security;

namespace Osaamismerkit.Infrastructure.DataProtection;

/// <summary>Loads the certificate that encrypts the key ring: from a PFX file, or from Azure Key Vault.</summary>
public static class KeyRingCertificate
{
    /// <summary>Without its private key the key ring could be written but never read, so that stops start-up.</summary>
    public static X509Certificate2? Load(KeyRingOptions options) =>
        ConfiguredCertificate.Load("KeyRing", options.CertificatePath, options.CertificatePassword, options.KeyVaultUri, options.KeyVaultCertificateName);
}
