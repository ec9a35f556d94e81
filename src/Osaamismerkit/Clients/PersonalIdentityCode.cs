using System.Text.RegularExpressions;

namespace Osaamismerkit.Clients;

/// <summary>
/// Spots text shaped like a Finnish personal identity code (henkilötunnus, DDMMYY-NNNC), which this system
/// must never store. Shape alone is enough to refuse: a mistyped code is still a code.
/// </summary>
public static partial class PersonalIdentityCode
{
    public static bool AppearsIn(string? text) => text is not null && Pattern().IsMatch(text);

    [GeneratedRegex(@"(?<![0-9])(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}\s?[-+A-FU-Y]\s?[0-9]{3}[0-9A-Y](?![0-9A-Za-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
