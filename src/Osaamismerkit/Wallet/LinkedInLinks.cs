using System.Globalization;
using System.Text;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Verification;

namespace Osaamismerkit.Wallet;

/// <summary>
/// LinkedIn's "add licence or certification" link: the profile form opens filled in, and certUrl lets anyone who
/// reads the profile open the badge's public page and see it verified.
/// </summary>
public static class LinkedInLinks
{
    public const string AddToProfile = "https://www.linkedin.com/profile/add";

    public static string For(string badgeName, string organizationName, DateTimeOffset issuedOn, DateTimeOffset? expires, string publicUrl, Guid assertionId)
    {
        var issued = HelsinkiTime.Of(issuedOn);
        var parameters = new List<(string, string)>
        {
            ("startTask", "CERTIFICATION_NAME"),
            ("name", badgeName),
            ("organizationName", organizationName),
            ("issueYear", issued.Year.ToString(CultureInfo.InvariantCulture)),
            ("issueMonth", issued.Month.ToString(CultureInfo.InvariantCulture)),
        };
        if (expires is { } e)
        {
            var expiry = HelsinkiTime.Of(e);
            parameters.Add(("expirationYear", expiry.Year.ToString(CultureInfo.InvariantCulture)));
            parameters.Add(("expirationMonth", expiry.Month.ToString(CultureInfo.InvariantCulture)));
        }

        parameters.Add(("certUrl", publicUrl));
        parameters.Add(("certId", assertionId.ToString()));

        var url = new StringBuilder(AddToProfile);
        for (var i = 0; i < parameters.Count; i++)
        {
            url.Append(i == 0 ? '?' : '&').Append(parameters[i].Item1).Append('=').Append(Uri.EscapeDataString(parameters[i].Item2));
        }

        return url.ToString();
    }
}
