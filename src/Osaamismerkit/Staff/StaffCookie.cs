using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Osaamismerkit.Staff;

/// <summary>The staff browser session: the cookie a successful OIDC sign-in leaves behind.</summary>
public static class StaffCookie
{
    public static void Configure(CookieAuthenticationOptions options, TimeSpan sessionLifetime, string environment)
    {
        options.Cookie.Name = StaffServices.CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = SecurePolicyIn(environment);
        options.ExpireTimeSpan = sessionLifetime;
        options.SlidingExpiration = true;
        options.LoginPath = SignInEndpoints.SignInPath;
        // APIs answer 401/403 problem details; only pages are sent to sign in.
        options.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// Secure outside Development whatever scheme this process sees: behind a proxy that ends TLS requests arrive as
    /// http, and "same as request" would let the session cookie travel unencrypted. Development and the tests run on
    /// plain http.
    /// </summary>
    public static CookieSecurePolicy SecurePolicyIn(string environment) =>
        environment == Environments.Development || environment == "Testing" ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
