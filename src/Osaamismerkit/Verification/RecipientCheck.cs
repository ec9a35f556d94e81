using System.Security.Cryptography;
using System.Text;
using Osaamismerkit.Clients;
using Osaamismerkit.Issuing;

namespace Osaamismerkit.Verification;

/// <summary>
/// Answers "was this badge issued to this e-mail address?" by hashing the address with the assertion's salt, as any
/// Open Badges verifier does; the stored identity is only ever a hash and is never shown.
/// </summary>
public static class RecipientCheck
{
    public static RecipientCheckOutcome Compare(VerificationResult check, string? email)
    {
        var normalized = ContactDetails.NormalizeEmail(email);
        if (normalized is null)
        {
            return RecipientCheckOutcome.InvalidEmail;
        }

        if (check.RecipientType != Recipient.EmailType)
        {
            return RecipientCheckOutcome.NotEmailRecipient;
        }

        var candidate = Encoding.ASCII.GetBytes(Recipient.Email(normalized).HashWith(check.RecipientSalt));
        var stored = Encoding.ASCII.GetBytes(check.RecipientIdentity);
        return CryptographicOperations.FixedTimeEquals(candidate, stored) ? RecipientCheckOutcome.Match : RecipientCheckOutcome.NoMatch;
    }
}
