using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.Credentials.Keys;

public sealed class CredentialKeyOptions : IValidatableObject
{
    public const string Section = "Credentials";

    /// <summary>Production: an Ed25519 private key as PKCS#8 PEM (<c>openssl genpkey -algorithm ed25519</c>). Rotation: a new file and a restart.</summary>
    public string? Ed25519PrivateKeyPemPath { get; set; }

    /// <summary>Development: keys are generated here on first run, relative to the data folder; never commit them.</summary>
    [Required(ErrorMessage = "Credentials:DevelopmentKeyFolder must name a folder in the data folder.")]
    public string DevelopmentKeyFolder { get; set; } = "credential-keys";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Ed25519PrivateKeyPemPath) && !File.Exists(Ed25519PrivateKeyPemPath))
        {
            yield return new ValidationResult(
                $"Credentials:Ed25519PrivateKeyPemPath must be the path of an Ed25519 private key PEM file; there is no file at {Path.GetFullPath(Ed25519PrivateKeyPemPath)}.",
                [nameof(Ed25519PrivateKeyPemPath)]);
        }
    }
}
