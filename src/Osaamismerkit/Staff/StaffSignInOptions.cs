using System.ComponentModel.DataAnnotations;
using Osaamismerkit.Infrastructure.Http;

namespace Osaamismerkit.Staff;

/// <summary>
/// The staff identity provider (Entra ID in production). Without an Authority, browser sign-in is off and only
/// bearer tokens work — enough for the API and the tests that do not test sign-in itself.
/// </summary>
public sealed class StaffSignInOptions : IValidatableObject
{
    public const string Section = "Authentication:Oidc";

    [AbsoluteHttpUrl(ErrorMessage = "Authentication:Oidc:Authority must be empty or the identity provider's absolute https URL.")]
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Entra ID sends app roles in "roles".</summary>
    [Required(ErrorMessage = "Authentication:Oidc:RoleClaimType must name the claim that carries the app roles (Entra ID: roles).")]
    public string RoleClaimType { get; set; } = "roles";

    [Required(ErrorMessage = "Authentication:Oidc:NameClaimType must name the claim that carries the user's name.")]
    public string NameClaimType { get; set; } = "name";

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>A working day by default; a session longer than a day outlives the shift it was opened for.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00", ErrorMessage = "Authentication:Oidc:SessionLifetime must be from 00:05:00 to 1.00:00:00 (5 minutes to 24 hours).")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Either alone turns sign-in off without a word, which looks like a broken provider rather than a missing setting.
        if (string.IsNullOrWhiteSpace(Authority) != string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult(
                "Authentication:Oidc:Authority and Authentication:Oidc:ClientId must be set together (or both left empty to turn browser sign-in off).",
                [nameof(Authority), nameof(ClientId)]);
        }

        if (RequireHttpsMetadata && AbsoluteHttpUrlAttribute.IsHttpUrl(Authority ?? string.Empty) && new Uri(Authority!).Scheme != Uri.UriSchemeHttps)
        {
            yield return new ValidationResult(
                "Authentication:Oidc:Authority must be an https URL unless Authentication:Oidc:RequireHttpsMetadata is false (local development only).",
                [nameof(Authority)]);
        }
    }
}
