using System.Security.Cryptography;
using System.Text;

namespace Osaamismerkit.Issuing;

/// <summary>
/// Whom an assertion is issued to, before hashing: an e-mail, a telephone number, or — for a client with
/// neither — the badge's own public URL, held until the client claims it with an e-mail address.
/// </summary>
public sealed record Recipient(string Type, string Identity)
{
    public const string EmailType = "email";
    public const string TelephoneType = "telephone";
    public const string UrlType = "url";

    public static Recipient Email(string normalizedEmail) => new(EmailType, normalizedEmail);

    public static Recipient Telephone(string e164) => new(TelephoneType, e164);

    public static Recipient Placeholder(string url) => new(UrlType, url);

    public bool IsPlaceholder => Type == UrlType;

    /// <summary>Open Badges 2.0 hashed identity: "sha256$" + hex(SHA-256(identity + salt)), e-mail lower-cased.</summary>
    public string HashWith(string salt)
    {
        var identity = Type == EmailType ? Identity.ToLowerInvariant() : Identity;
        return "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity + salt)));
    }
}
