namespace Osaamismerkit.Clients;

/// <summary>
/// The secret key of the keyed hash (HMAC-SHA256) through which clients are found by e-mail or phone (section
/// "ContactLookup"). Required outside Development; keep it with the other secrets (Key Vault), apart from the database,
/// so a copy of the database alone cannot be searched for a known address.
/// </summary>
public sealed class ContactLookupOptions
{
    public const string Section = "ContactLookup";

    /// <summary>At least 32 random bytes, base64. Changing it re-hashes every client at the next start.</summary>
    public string? Key { get; set; }

    /// <summary>Development: a key is generated here on first run, relative to the data folder; never commit it.</summary>
    public string DevelopmentKeyFile { get; set; } = "contact-lookup.key";
}
