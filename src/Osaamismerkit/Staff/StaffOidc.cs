using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Osaamismerkit.Staff;

/// <summary>
/// Browser sign-in with the staff identity provider (authorization code with PKCE). Configured from options when first
/// used, so that configuration added late (tests, Key Vault) counts. Without an Authority it points nowhere and /signin
/// answers 503 before reaching it.
/// </summary>
public static class StaffOidc
{
    public static void Configure(OpenIdConnectOptions options, IOptions<StaffSignInOptions> configured)
    {
        var o = configured.Value;
        Provider(options, o);
        Claims(options, o);
        if (!o.RequireHttpsMetadata)
        {
            LaxCookiesForPlainHttp(options);
        }

        options.Events.OnRemoteFailure = context =>
        {
            // A forged, replayed or expired callback: say so plainly instead of an error page with a stack trace.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    private static void Provider(OpenIdConnectOptions options, StaffSignInOptions o)
    {
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.Authority = o.Enabled ? o.Authority : "https://sign-in-not-configured.invalid";
        options.ClientId = o.Enabled ? o.ClientId : "sign-in-not-configured";
        options.ClientSecret = o.ClientSecret;
        options.RequireHttpsMetadata = o.RequireHttpsMetadata;
        options.ResponseType = "code";
        options.UsePkce = true;
    }

    private static void Claims(OpenIdConnectOptions options, StaffSignInOptions o)
    {
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.Scope.Add("roles");
        options.MapInboundClaims = false;
        // Keeps the ID token for the sign-out hint only; access tokens are not stored.
        options.SaveTokens = true;
        options.TokenValidationParameters = new TokenValidationParameters { NameClaimType = o.NameClaimType, RoleClaimType = o.RoleClaimType };
    }

    /// <summary>
    /// Plain-HTTP development: browsers drop SameSite=None cookies that are not Secure, so the correlation and nonce
    /// cookies go Lax and the code comes back on a top-level GET.
    /// </summary>
    private static void LaxCookiesForPlainHttp(OpenIdConnectOptions options)
    {
        options.ResponseMode = "query";
        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
    }
}
