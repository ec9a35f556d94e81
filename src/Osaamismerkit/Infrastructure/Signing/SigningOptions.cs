using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.Infrastructure.Signing;

public sealed class SigningOptions : IValidatableObject
{
    public const string Section = "Signing";

    /// <summary>Production: a PKCS#8 or PKCS#1 RSA private key PEM file. Rotation: point this at a new file and restart.</summary>
    public string? PrivateKeyPemPath { get; set; }

    /// <summary>Development: keys are generated here on first run, relative to the data folder; never commit them.</summary>
    [Required(ErrorMessage = "Signing:DevelopmentKeyFolder must name a folder in the data folder.")]
    public string DevelopmentKeyFolder { get; set; } = "signing-keys";

    /// <summary>RS256 wants at least 2048 bits; beyond 4096 every signature costs more than it protects.</summary>
    [AllowedValues(2048, 3072, 4096, ErrorMessage = "Signing:KeySizeBits must be 2048, 3072 or 4096.")]
    public int KeySizeBits { get; set; } = 2048;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PrivateKeyPemPath) && !File.Exists(PrivateKeyPemPath))
        {
            yield return new ValidationResult(
                $"Signing:PrivateKeyPemPath must be the path of an RSA private key PEM file; there is no file at {Path.GetFullPath(PrivateKeyPemPath)}.",
                [nameof(PrivateKeyPemPath)]);
        }
    }
}
