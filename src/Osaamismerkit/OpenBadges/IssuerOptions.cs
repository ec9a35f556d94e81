using System.ComponentModel.DataAnnotations;
using Osaamismerkit.Infrastructure.Http;

namespace Osaamismerkit.OpenBadges;

/// <summary>The issuer profile published to every verifier.</summary>
public sealed class IssuerOptions
{
    public const string Section = "Issuer";

    [Required(ErrorMessage = "Issuer:Name must be set: it is the issuer's name on every badge.")]
    public string Name { get; set; } = "Siun sote – Pohjois-Karjalan hyvinvointialue";

    [Required(ErrorMessage = "Issuer:Url must be set to the issuer's web site.")]
    [AbsoluteHttpUrl(ErrorMessage = "Issuer:Url must be an absolute http(s) URL such as https://www.siunsote.fi.")]
    public string Url { get; set; } = "https://www.siunsote.fi";

    [Required(ErrorMessage = "Issuer:Email must be set to the issuer's contact address.")]
    [EmailAddress(ErrorMessage = "Issuer:Email must be an e-mail address such as osaamismerkit@siunsote.fi.")]
    public string Email { get; set; } = "osaamismerkit@siunsote.fi";

    public string Description { get; set; } =
        "Pohjois-Karjalan hyvinvointialue Siun soten digitaitojen osaamismerkit kuntouttavan työtoiminnan asiakkaille.";
}
