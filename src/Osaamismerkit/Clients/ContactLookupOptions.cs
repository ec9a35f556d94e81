using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.Clients;

/// <summary>
/// The secret key of the keyed hash (HMAC-SHA256) through which clients are found by e-mail or phone (section
/// "ContactLookup"). Required outside Development; keep it with the other secrets (Key Vault), apart from the database,
/// so a copy of the database alone cannot be searched for a known address.
/// </summary>
public sealed class ContactLookupOptions : IValidatableObject
{
    public const string Section = "ContactLookup";

    /// <summary>Fewer bytes than the hash's own output would make the key the weaker part.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>At least 32 random bytes, base64. Changing it re-hashes every client at the next start.</summary>
    public string? Key { get; set; }

    /// <summary>Development: a key is generated here on first run, relative to the data folder; never commit it.</summary>
    [Required(ErrorMessage = "ContactLookup:DevelopmentKeyFile must name a file in the data folder.")]
    public string DevelopmentKeyFile { get; set; } = "contact-lookup.key";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Key) && !IsLongEnough(Key))
        {
            yield return new ValidationResult(
                $"ContactLookup:Key must be at least {MinimumKeyBytes} random bytes in base64 (e.g. `openssl rand -base64 32`).", [nameof(Key)]);
        }
    }

    private static bool IsLongEnough(string key)
    {
        var bytes = new byte[key.Length];
        return Convert.TryFromBase64String(key.Trim(), bytes, out var length) && length >= MinimumKeyBytes;
    }
}
