using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.Infrastructure.DataProtection;

/// <summary>
/// The key ring's storage and the certificate that encrypts its keys at rest. A database copy is then not enough to read
/// the contact details in it: the certificate's private key, kept elsewhere (a PFX file on the host, or Key Vault), is
/// needed too.
/// </summary>
public sealed class KeyRingOptions : IValidatableObject
{
    public const string Section = "KeyRing";

    [EnumDataType(typeof(KeyRingStorage), ErrorMessage = "KeyRing:Storage must be Folder or Database.")]
    public KeyRingStorage Storage { get; set; } = KeyRingStorage.Folder;

    /// <summary>A PFX file with the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Azure Key Vault holding the certificate, e.g. https://siunsote-om.vault.azure.net/.</summary>
    public Uri? KeyVaultUri { get; set; }

    /// <summary>The certificate's name in <see cref="KeyVaultUri"/>; read with the service's managed identity.</summary>
    public string? KeyVaultCertificateName { get; set; }

    public bool HasCertificate => !string.IsNullOrWhiteSpace(CertificatePath) || KeyVaultUri is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A ring in the database without a certificate would travel, readable, with every backup of the data it protects.
        if (Storage == KeyRingStorage.Database && !HasCertificate)
        {
            yield return new ValidationResult(
                "KeyRing:CertificatePath (a PFX file) or KeyRing:KeyVaultUri with KeyRing:KeyVaultCertificateName is required when KeyRing:Storage is Database.",
                [nameof(CertificatePath)]);
        }

        if (!string.IsNullOrWhiteSpace(CertificatePath) && !File.Exists(CertificatePath))
        {
            yield return new ValidationResult($"KeyRing:CertificatePath {CertificatePath} does not exist.", [nameof(CertificatePath)]);
        }

        if (!string.IsNullOrWhiteSpace(CertificatePath) && KeyVaultUri is not null)
        {
            yield return new ValidationResult("KeyRing:CertificatePath and KeyRing:KeyVaultUri are two sources for one certificate: give one.", [nameof(KeyVaultUri)]);
        }

        if (KeyVaultUri is not null && (KeyVaultUri.Scheme != Uri.UriSchemeHttps || string.IsNullOrWhiteSpace(KeyVaultCertificateName)))
        {
            yield return new ValidationResult("KeyRing:KeyVaultUri must be an https URL and KeyRing:KeyVaultCertificateName must name the certificate.", [nameof(KeyVaultCertificateName)]);
        }
    }
}
