using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.Oid4vci;

/// <summary>Lifetimes of what OpenID4VCI hands out. Short: a code shown on a screen is scanned at once or not at all.</summary>
public sealed class CredentialOfferOptions
{
    public const string Section = "CredentialOffers";

    [Range(1, 60)]
    public int CodeLifetimeMinutes { get; set; } = 10;

    [Range(1, 30)]
    public int AccessTokenLifetimeMinutes { get; set; } = 5;

    [Range(1, 30)]
    public int NonceLifetimeMinutes { get; set; } = 5;
}
