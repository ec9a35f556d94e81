using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.OpenBadges;

/// <summary>The issuer profile published to every verifier.</summary>
public sealed class IssuerOptions
{
    public const string Section = "Issuer";

    [Required]
    public string Name { get; set; } = "Siun sote – Pohjois-Karjalan hyvinvointialue";

    [Required, Url]
    public string Url { get; set; } = "https://www.siunsote.fi";

    [Required, EmailAddress]
    public string Email { get; set; } = "osaamismerkit@siunsote.fi";

    public string Description { get; set; } =
        "Pohjois-Karjalan hyvinvointialue Siun soten digitaitojen osaamismerkit kuntouttavan työtoiminnan asiakkaille.";
}
