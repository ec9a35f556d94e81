using System.ComponentModel.DataAnnotations;

namespace Osaamismerkit.Infrastructure.Security;

/// <summary>Per-client-address limits; generous for people, tight enough to slow guessing of codes and tokens.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Zero would shut the public pages; the limiter has no "off", so a load test sets int.MaxValue instead.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:PublicPermitsPerMinute must be a whole number from 1 to 2147483647.")]
    public int PublicPermitsPerMinute { get; set; } = 300;

    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:SignInPermitsPerMinute must be a whole number from 1 to 2147483647.")]
    public int SignInPermitsPerMinute { get; set; } = 20;

    /// <summary>Claim codes, e-mail checks and wallet tokens: the endpoints someone might try to guess against.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:GuessingPermitsPerMinute must be a whole number from 1 to 2147483647.")]
    public int GuessingPermitsPerMinute { get; set; } = 10;
}
