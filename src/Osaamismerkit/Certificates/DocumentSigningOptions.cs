using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.Certificates;

/// <summary>The county's document-signing certificate that signs every certificate PDF.</summary>
public sealed class DocumentSigningOptions : IValidatableObject
{
    public const string Section = "CertificateSigning";

    /// <summary>Production: a PKCS#12 (.pfx) file holding the certificate and its private key.</summary>
    public string? PfxPath { get; set; }

    /// <summary>The .pfx file's password; from a secret store or the environment, never from appsettings.json in git.</summary>
    public string? PfxPassword { get; set; }

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
    }
}
