namespace Osaamismerkit.Staff;

/// <summary>
/// The staff identity provider (Entra ID in production). Without an Authority, browser sign-in is off and only
/// bearer tokens work — enough for the API and the tests that do not test sign-in itself.
/// </summary>
public sealed class StaffSignInOptions
{
    public const string Section = "Authentication:Oidc";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Entra ID sends app roles in "roles".</summary>
    public string RoleClaimType { get; set; } = "roles";

    public string NameClaimType { get; set; } = "name";

    public bool RequireHttpsMetadata { get; set; } = true;

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
