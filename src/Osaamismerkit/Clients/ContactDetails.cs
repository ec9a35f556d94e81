using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Osaamismerkit.Clients;

/// <summary>Normalises the identities that Open Badges hashes: lower-case e-mail, E.164 phone.</summary>
public static partial class ContactDetails
{
    public static string? NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed
            || !address.Host.Contains('.', StringComparison.Ordinal) || trimmed.Length > 254)
        {
            return null;
        }

        return trimmed.ToLowerInvariant();
    }

    /// <summary>Finnish numbers may be written locally (040 123 4567); others need the + prefix.</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var compact = Separators().Replace(phone.Trim(), string.Empty);
        if (compact.StartsWith("00", StringComparison.Ordinal))
        {
            compact = "+" + compact[2..];
        }
        else if (compact.StartsWith('0'))
        {
            compact = "+358" + compact[1..];
        }

        return E164().IsMatch(compact) ? compact : null;
    }

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
