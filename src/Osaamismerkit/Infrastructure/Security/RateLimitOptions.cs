namespace Osaamismerkit.Infrastructure.Security;

/// <summary>Per-client-address limits; generous for people, tight enough to slow guessing of codes and tokens.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int PublicPermitsPerMinute { get; set; } = 300;

    public int SignInPermitsPerMinute { get; set; } = 20;

    /// <summary>Claim codes, e-mail checks and wallet tokens: the endpoints someone might try to guess against.</summary>
    public int GuessingPermitsPerMinute { get; set; } = 10;
}
