using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure.Localization;
using Osaamismerkit.Infrastructure.Security;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Staff;

/// <summary>Browser sign-in and sign-out for staff through the OpenID Connect provider.</summary>
public static class SignInEndpoints
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/staff/sign-out";
    public const string AfterSignIn = "/staff";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(SignInPath, SignIn).WithTags("Sign-in").WithName("SignIn").AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).ExcludeFromDescription();
        app.MapPost(SignOutPath, SignOut).WithTags("Sign-in").WithName("SignOut").AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignIn(
        string? returnUrl, HttpContext context, IOptions<StaffSignInOptions> options, IStringLocalizer<Messages> text, IHostEnvironment environment,
        ILogger<StaffSignInOptions> logger)
    {
        if (!options.Value.Enabled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: text["SignInNotConfigured"]);
        }

        var target = IsLocal(returnUrl) ? returnUrl : AfterSignIn;
        try
        {
            await context.ChallengeAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = target });
            return TypedResults.Empty;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException && !context.Response.HasStarted)
        {
            // The provider's metadata or pushed authorization request failed: most often, in development, the provider
            // is not running. One line that says what to start, and a page that says so, instead of a stack trace.
            logger.LogError(
                "Staff sign-in cannot reach the identity provider at {Authority} ({Reason}). In development, start it in a second terminal: node tools/dev-identity/server.mjs",
                options.Value.Authority, e.GetBaseException().Message);
            context.Response.Headers.CacheControl = "no-store";
            return new RazorComponentResult<SignInUnavailablePage>(new { Text = PageText.In(Languages.Of(context)), DevelopmentHint = environment.IsDevelopment() })
            {
                StatusCode = StatusCodes.Status503ServiceUnavailable,
            };
        }
    }

    // POST only, and the staff cookie is SameSite=Lax, so another site cannot sign a user out by a forged request.
    private static async Task<Results<SignOutHttpResult, RedirectHttpResult>> SignOut(HttpContext context, IOptions<StaffSignInOptions> options)
    {
        if (!options.Value.Enabled || context.User.Identity?.IsAuthenticated != true)
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.Redirect(AfterSignIn);
        }

        // Ends the provider's session too, so the next sign-in asks again (shared tablets in workshops).
        return TypedResults.SignOut(
            new AuthenticationProperties { RedirectUri = AfterSignIn },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
    }

    /// <summary>Longer than any staff page with its query; beyond it a return URL only pads the provider's state.</summary>
    public const int MaxReturnUrlLength = 2048;

    /// <summary>
    /// Only paths on this site, by the framework's local-URL rules (no scheme, no host, no "//" or "/\"), and only
    /// printable ASCII without spaces: WHATWG URL parsers drop tabs and newlines, so "/\t/evil.example" is followed as
    /// "//evil.example", and a control or non-ASCII character cannot go into the Location header at all (a 500 after
    /// sign-in). Our own links are percent-encoded, so nothing legitimate is lost.
    /// </summary>
    public static bool IsLocal([NotNullWhen(true)] string? url) =>
        url is { Length: > 0 and <= MaxReturnUrlLength } && url.All(c => c is > ' ' and < '\u007f') && RedirectHttpResult.IsLocalUrl(url);
}
