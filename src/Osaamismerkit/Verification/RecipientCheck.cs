using System.Security.Cryptography;
using System.Text;
using Osaamismerkit.Clients;
using Osaamismerkit.Issuing;

namespace Osaamismerkit.Verification;

/// <summary>
/// Answers the employer's question "was this badge issued to the person I was told?" for the identity they were given
/// — e-mail address or the holder's URL — by hashing it with the assertion's salt, as the official validator does
/// with <c>--recipient</c>; the stored identity is only ever a hash and is never shown. One difference: the validator
/// hashes an e-mail address exactly as typed, while we lower-case it, as we did when issuing. A telephone number is
/// understood but never compared: no badge names its holder by one (a hashed number is brute-forced in seconds), and
/// comparing would make this page an oracle that confirms a client's number. The answer says to ask for the badge link.
/// </summary>
public static class RecipientCheck
{
    public static RecipientCheckOutcome Compare(VerificationResult check, string? identity)
    {
        if (Recognise(identity) is not { } candidate)
        {
            return RecipientCheckOutcome.Unrecognised;
        }

        if (candidate.Type == Recipient.TelephoneType)
        {
            return RecipientCheckOutcome.TelephoneNotChecked;
        }

        if (candidate.Type != check.RecipientType)
        {
            return RecipientCheckOutcome.OtherKind;
        }

        var hashed = Encoding.ASCII.GetBytes(candidate.HashWith(check.RecipientSalt));
        var stored = Encoding.ASCII.GetBytes(check.RecipientIdentity);
        return CryptographicOperations.FixedTimeEquals(hashed, stored) ? RecipientCheckOutcome.Match : RecipientCheckOutcome.NoMatch;
    }

    /// <summary>What kind of identity was typed, normalised as at issuing; a URL is compared exactly, as the validator does.</summary>
    private static Recipient? Recognise(string? identity)
    {
        var trimmed = identity?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return Recipient.Placeholder(trimmed);
        }

        if (ContactDetails.NormalizeEmail(trimmed) is { } email)
        {
            return Recipient.Email(email);
        }

        return ContactDetails.NormalizePhone(trimmed) is { } phone ? new Recipient(Recipient.TelephoneType, phone) : null;
    }
}
