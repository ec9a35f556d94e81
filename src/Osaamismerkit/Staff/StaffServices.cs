using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Osaamismerkit.Staff;

public static class StaffServices
{
    public const string StaffScheme = "staff";
    public const string CookieName = "osaamismerkit.staff";

    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var signIn = configuration.GetSection(StaffSignInOptions.Section).Get<StaffSignInOptions>() ?? new StaffSignInOptions();
        services.AddOptions<StaffSignInOptions>().Bind(configuration.GetSection(StaffSignInOptions.Section));

        // Requests with a bearer token are API calls; everything else is a browser with the staff cookie.
        var authentication = services.AddAuthentication(StaffScheme)
            .AddPolicyScheme(StaffScheme, "Bearer token or staff cookie", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            // Reads Authentication:Schemes:Bearer (issuer, audiences, signing keys) — the layout `dotnet user-jwts`
            // writes for local development; in production the provider's Authority and audience.
            .AddJwtBearer(options =>
            {
                if (signIn.Enabled && configuration["Authentication:Schemes:Bearer:SigningKeys:0:Value"] is null)
                {
                    options.Authority = signIn.Authority;
                    options.Audience = configuration["Authentication:Schemes:Bearer:ValidAudiences:0"] ?? signIn.ClientId;
                    options.RequireHttpsMetadata = signIn.RequireHttpsMetadata;
                }
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = signIn.SessionLifetime;
                options.SlidingExpiration = true;
                options.LoginPath = SignInEndpoints.SignInPath;
                // APIs answer 401/403 problem details; only pages are sent to sign in.
                options.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });

        // Registered always and configured from options when first used, so that configuration added late (tests,
        // Key Vault) counts. Without an Authority it points nowhere and /signin answers 503 before reaching it.
        authentication.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, _ => { });
        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<IOptions<StaffSignInOptions>>((options, configured) =>
            {
                var o = configured.Value;
                options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.Authority = o.Enabled ? o.Authority : "https://sign-in-not-configured.invalid";
                options.ClientId = o.Enabled ? o.ClientId : "sign-in-not-configured";
                options.ClientSecret = o.ClientSecret;
                options.RequireHttpsMetadata = o.RequireHttpsMetadata;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("profile");
                options.Scope.Add("roles");
                options.MapInboundClaims = false;
                // Keeps the ID token for the sign-out hint only; access tokens are not stored.
                options.SaveTokens = true;
                options.TokenValidationParameters = new TokenValidationParameters { NameClaimType = o.NameClaimType, RoleClaimType = o.RoleClaimType };
                if (!o.RequireHttpsMetadata)
                {
                    // Plain-HTTP development: browsers drop SameSite=None cookies that are not Secure, so the
                    // correlation and nonce cookies go Lax and the code comes back on a top-level GET.
                    options.ResponseMode = "query";
                    foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
                    {
                        cookie.SameSite = SameSiteMode.Lax;
                        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    }
                }

                options.Events.OnRemoteFailure = context =>
                {
                    // A forged, replayed or expired callback: say so plainly instead of an error page with a stack trace.
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });

        services.AddAuthorizationBuilder()
            // Anything not marked otherwise needs a signed-in user: public endpoints opt out explicitly with AllowAnonymous.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Instructor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Instructor, Roles.Admin))
            .AddPolicy(Policies.ProjectStaff, p => p.RequireAuthenticatedUser().RequireRole(Roles.ProjectStaff, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        services.AddScoped<StaffUnits>();
        services.AddSingleton<DevelopmentUnits>();
        return services;
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
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
