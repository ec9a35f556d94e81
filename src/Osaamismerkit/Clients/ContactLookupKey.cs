using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure;

namespace Osaamismerkit.Clients;

/// <summary>
/// Keyed hashes of normalised e-mail addresses and phone numbers, so that staff can find a client by either while both
/// stay encrypted at rest (ContactProtector). A plain SHA-256 could be reversed by hashing every plausible address or
/// Finnish mobile number; without the key, these cannot.
/// </summary>
public sealed class ContactLookupKey(IOptions<ContactLookupOptions> options, Infrastructure.Database.Database database, IHostEnvironment environment, ILogger<ContactLookupKey> logger)
{
    private const int MinimumKeyBytes = 32;

    private readonly Lazy<byte[]> _key = new(() => LoadKey(options.Value, database, environment, logger));

    /// <summary>Names the key without revealing it, so rows hashed with an older key can be found and hashed again.</summary>
    public string KeyId => Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, "osaamismerkit:contact-lookup:key-id"u8))[..16];

    /// <summary>Loads or creates the key now, so that a missing key stops start-up rather than the first search.</summary>
    public void EnsureKey() => _ = _key.Value;

    public string? Email(string? normalizedEmail) => normalizedEmail is null ? null : Hash("email:" + normalizedEmail);

    public string? Phone(string? e164) => e164 is null ? null : Hash("phone:" + e164);

    public ContactLookupHashes Of(string? normalizedEmail, string? e164) =>
        new(Email(normalizedEmail), Phone(e164), normalizedEmail is null && e164 is null ? null : KeyId);

    private string Hash(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(value)));

    private static byte[] LoadKey(ContactLookupOptions o, Infrastructure.Database.Database database, IHostEnvironment environment, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(o.Key))
        {
            byte[]? key;
            try
            {
                key = Convert.FromBase64String(o.Key.Trim());
            }
            catch (FormatException)
            {
                key = null;
            }

            return key is { Length: >= MinimumKeyBytes }
                ? key
                : throw new MissingConfigurationException($"ContactLookup:Key must be at least {MinimumKeyBytes} random bytes in base64 (e.g. `openssl rand -base64 32`).");
        }

        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new MissingConfigurationException(
                "ContactLookup:Key must be set outside Development (at least 32 random bytes in base64, e.g. `openssl rand -base64 32`); " +
                "generated development keys are not for production.");
        }

        var file = Path.GetFullPath(o.DevelopmentKeyFile, database.DataFolder);
        if (File.Exists(file))
        {
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }

        var generated = RandomNumberGenerator.GetBytes(MinimumKeyBytes);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Owner-only before any key bytes are written, as for the development signing key.
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(file, fileOptions))
        {
            writer.Write(Convert.ToBase64String(generated));
        }

        logger.LogInformation("Generated a development contact lookup key in {File}", file);
        return generated;
    }
}
