using Microsoft.Extensions.Options;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Infrastructure.Security;

/// <summary>
/// Headers on every response. The CSP allows no inline script or style, so pages carry their CSS and any
/// script as files from this origin; images may also be data: URIs (QR codes).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Forms may post only here — and to the staff identity provider, because signing out answers the form with a
    /// redirect to the provider's end-session endpoint and browsers apply form-action to that redirect too.
    /// </summary>
    public static string ContentSecurityPolicy(string? identityProvider) =>
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        $"base-uri 'none'; form-action 'self'{(identityProvider is null ? string.Empty : " " + identityProvider)}; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var signIn = app.ApplicationServices.GetRequiredService<IOptions<StaffSignInOptions>>().Value;
        var provider = signIn.Enabled && Uri.TryCreate(signIn.Authority, UriKind.Absolute, out var authority)
            ? authority.GetLeftPart(UriPartial.Authority)
            : null;
        var policy = ContentSecurityPolicy(provider);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
