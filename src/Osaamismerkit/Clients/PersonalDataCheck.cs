using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Clients;

/// <summary>
/// The one check every stored free-text value goes through. Stored text must never carry a Finnish personal identity
/// code (henkilötunnus); published text (signed into a badge, printed on a certificate or a public page) must carry
/// no e-mail address or telephone number either. Text is normalised first, because a look-alike dash, a full-width
/// digit or an invisible character reads the same to a person and must read the same to the check. Shape is enough
/// to refuse: a mistyped code is still a code. The refusal never repeats the value, so it cannot leak into a log.
/// </summary>
public static partial class PersonalDataCheck
{
    // The check characters of an identity code, indexed by the nine digits modulo 31.
    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    /// <summary>
    /// Adds a field error if a stored (not published) text carries an identity code. A value already read as a phone
    /// number is checked only for codes written with their century sign: ten bare digits there are the number itself.
    /// </summary>
    public static void CheckStored(string field, string? value, FieldErrors errors, IStringLocalizer<Messages> text, bool isPhoneNumber = false)
    {
        if (isPhoneNumber ? HasSeparatedIdentityCode(value) : HasIdentityCode(value))
        {
            errors.Add(field, text["PersonalIdentityCodeNotAllowed"]);
        }
    }

    /// <summary>Adds a field error if a published text carries an identity code, an e-mail address or a phone number.</summary>
    public static void CheckPublished(string field, string? value, FieldErrors errors, IStringLocalizer<Messages> text)
    {
        if (HasIdentityCode(value))
        {
            errors.Add(field, text["PersonalIdentityCodeNotAllowed"]);
        }
        else if (HasContactDetails(value))
        {
            errors.Add(field, text["ContactDetailsNotPublished"]);
        }
    }

    public static bool HasIdentityCode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var text = Normalize(value);
        return Separated().IsMatch(text) || Unseparated().Matches(text).Any(IsUnseparatedCode);
    }

    private static bool HasSeparatedIdentityCode(string? value) => !string.IsNullOrEmpty(value) && Separated().IsMatch(Normalize(value));

    public static bool HasContactDetails(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var text = Normalize(value);
        return Email().IsMatch(text) || Phone().IsMatch(text);
    }

    /// <summary>
    /// Compatibility forms folded (NFKC: full-width digits and letters), every dash and minus read as a hyphen,
    /// invisible characters (zero-width, soft hyphen, other format characters) removed and runs of white space read as one.
    /// </summary>
    public static string Normalize(string value)
    {
        var folded = value.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        var lastWasSpace = false;
        foreach (var c in folded)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format || c == '\u00AD')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            builder.Append(category == UnicodeCategory.DashPunctuation || c is '\u2212' or '\u2043' or '\u02D7' ? '-' : c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Without a century sign, ten digits are as likely a phone number, so a digit check character must also be the right
    /// one; a letter check character (never part of a number) is enough on its own.
    /// </summary>
    private static bool IsUnseparatedCode(Match match)
    {
        var digits = match.Groups["digits"].Value;
        var check = char.ToUpperInvariant(match.Groups["check"].Value[0]);
        return !char.IsAsciiDigit(check) || CheckCharacters[(int)(long.Parse(digits, CultureInfo.InvariantCulture) % 31)] == check;
    }

    // DDMMYY, the century sign (-, +, A–F, U–Y), NNN and the check character; letters may follow (131052-308Tabc),
    // more digits may not (010120-311220 is not a code).
    [GeneratedRegex(@"(?<![0-9])(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2} ?[-+A-FU-Y] ?[0-9]{3}[0-9A-Y](?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separated();

    [GeneratedRegex(@"(?<![0-9])(?<digits>(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{5})(?<check>[0-9A-Y])(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unseparated();

    [GeneratedRegex(@"[A-Z0-9._%+\-]+ ?@ ?[A-Z0-9\-]+(\.[A-Z0-9\-]+)*\.[A-Z]{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // International (+358 40…, 00358…) or local (040 123 4567, 09-123 456): at least seven digits, single spaces,
    // hyphens or brackets between them. A year or a date (2026-12-04) does not start with 0 or +.
    [GeneratedRegex(@"(?<![0-9])(\+|00|0)[0-9]([ \-()]{0,2}[0-9]){5,}")]
    private static partial Regex Phone();
}
