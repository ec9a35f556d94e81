namespace Osaamismerkit.Clients;

/// <summary>
/// A search text that is a whole e-mail address or phone number, turned into its lookup hash: such a search finds the
/// exact address or number and nothing else, since only hashes can be compared. Anything else searches names.
/// </summary>
public sealed record ContactSearch(string Column, string Hash)
{
    public static ContactSearch? Of(string? text, ContactLookupKey hasher)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Contains('@', StringComparison.Ordinal))
        {
            return ContactDetails.NormalizeEmail(trimmed) is { } email ? new ContactSearch("email_hash", hasher.Email(email)!) : null;
        }

        return trimmed.Any(char.IsAsciiDigit) && ContactDetails.NormalizePhone(trimmed) is { } phone
            ? new ContactSearch("phone_hash", hasher.Phone(phone)!)
            : null;
    }
}
