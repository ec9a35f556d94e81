using Osaamismerkit.Clients;

namespace Osaamismerkit.Issuing;

/// <summary>
/// A claim as typed, read one way for the claim API and the public claim page, so that both accept the same codes and
/// addresses and name the same fields: the normalised code and e-mail, or for each wrong field the key of its message.
/// </summary>
public sealed record ClaimInput(string? Code, string? Email)
{
    /// <summary>The message for a well-formed code that no unclaimed placeholder has (never issued, or already used).</summary>
    public const string NotFoundMessage = "ClaimCodeNotFound";

    public static ClaimInput Read(string? code, string? email) => new(ClaimCodes.Normalize(code), ContactDetails.NormalizeEmail(email));

    /// <summary>Field name to message key (Messages.resx), in the order the fields are asked.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Errors =>
    [
        .. Code is null ? [new KeyValuePair<string, string>("code", "ClaimCodeInvalid")] : Array.Empty<KeyValuePair<string, string>>(),
        .. Email is null ? [new KeyValuePair<string, string>("email", "EmailInvalid")] : Array.Empty<KeyValuePair<string, string>>(),
        // The address becomes the client's stored contact and the badge's recipient: it is stored free text too.
        .. PersonalDataCheck.HasIdentityCode(Email) ? [new KeyValuePair<string, string>("email", "PersonalIdentityCodeNotAllowed")] : Array.Empty<KeyValuePair<string, string>>(),
    ];
}
