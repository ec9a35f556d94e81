using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.Certificates;

/// <summary>The county's document-signing certificate that signs every certificate PDF: a .pfx file or a Key Vault certificate.</summary>
public sealed class DocumentSigningOptions : IValidatableObject
{
    public const string Section = "CertificateSigning";

    /// <summary>Production: a PKCS#12 (.pfx) file holding the certificate and its private key.</summary>
    public string? PfxPath { get; set; }

    /// <summary>The .pfx file's password; from a secret store or the environment, never from appsettings.json in git.</summary>
    public string? PfxPassword { get; set; }

    /// <summary>Production, instead of <see cref="PfxPath"/>: the Azure Key Vault holding the certificate, e.g. https://siunsote-om.vault.azure.net/.</summary>
    public Uri? KeyVaultUri { get; set; }

    /// <summary>The certificate's name in <see cref="KeyVaultUri"/>; read with the service's managed identity.</summary>
    public string? KeyVaultCertificateName { get; set; }

    public bool HasCertificate => !string.IsNullOrWhiteSpace(PfxPath) || KeyVaultUri is not null;

    /// <summary>Development: a self-signed certificate is generated here on first run, relative to the data folder; never commit it.</summary>
    [Required(ErrorMessage = "CertificateSigning:DevelopmentFolder must name a folder in the data folder.")]
    public string DevelopmentFolder { get; set; } = "document-signing";

    /// <summary>The place named in the signature (/Location).</summary>
    [Required(ErrorMessage = "CertificateSigning:Location must name the place of signing, e.g. Joensuu.")]
    [StringLength(100, ErrorMessage = "CertificateSigning:Location must be at most 100 characters.")]
    public string Location { get; set; } = "Joensuu";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PfxPath) && !File.Exists(PfxPath))
        {
            yield return new ValidationResult(
                $"CertificateSigning:PfxPath must be the path of a .pfx file with the document-signing certificate; there is no file at {Path.GetFullPath(PfxPath)}.",
                [nameof(PfxPath)]);
        }

        if (!string.IsNullOrWhiteSpace(PfxPath) && KeyVaultUri is not null)
        {
            yield return new ValidationResult(
                "CertificateSigning:PfxPath and CertificateSigning:KeyVaultUri are two sources for one certificate: give one.", [nameof(KeyVaultUri)]);
        }

        if (KeyVaultUri is not null && (KeyVaultUri.Scheme != Uri.UriSchemeHttps || string.IsNullOrWhiteSpace(KeyVaultCertificateName)))
        {
            yield return new ValidationResult(
                "CertificateSigning:KeyVaultUri must be an https URL and CertificateSigning:KeyVaultCertificateName must name the certificate.",
                [nameof(KeyVaultCertificateName)]);
        }

        if (KeyVaultUri is null && !string.IsNullOrWhiteSpace(KeyVaultCertificateName))
        {
            yield return new ValidationResult(
                "CertificateSigning:KeyVaultCertificateName needs CertificateSigning:KeyVaultUri, the vault that holds it.", [nameof(KeyVaultCertificateName)]);
        }
    }
}
