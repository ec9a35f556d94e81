using System.Security.Cryptography;
using System.Text;

namespace Osaamismerkit.Issuing;

/// <summary>
/// Whom an assertion is issued to, before hashing: an e-mail, or — for a client without one — the badge's own public
/// URL, held until the client claims it with an e-mail address. A telephone number is never a recipient: its hash
/// would be published with its salt, and ~10⁸ Finnish mobile numbers are brute-forced in seconds.
/// </summary>
public sealed record Recipient(string Type, string Identity)
{
    public const string EmailType = "email";
    /// <summary>Only in rows issued before telephone recipients were dropped; <see cref="PhoneRecipientReissue"/> replaces them.</summary>
    public const string TelephoneType = "telephone";
    public const string UrlType = "url";

    public static Recipient Email(string normalizedEmail) => new(EmailType, normalizedEmail);

    public static Recipient Placeholder(string url) => new(UrlType, url);

    public bool IsPlaceholder => Type == UrlType;

    /// <summary>Open Badges 2.0 hashed identity: "sha256$" + hex(SHA-256(identity + salt)), e-mail lower-cased.</summary>
    public string HashWith(string salt)
    {
        var identity = Type == EmailType ? Identity.ToLowerInvariant() : Identity;
        return "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity + salt)));
    }
}
