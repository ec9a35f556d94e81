using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Osaamismerkit.Staff;

public static class StaffServices
{
    public const string StaffScheme = "staff";
    public const string CookieName = "osaamismerkit.staff";

    /// <summary>Staff sign-in (<see cref="StaffCookie"/>, <see cref="StaffOidc"/>, <see cref="StaffBearer"/>) and the role policies.</summary>
    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffSignInOptions>().Bind(configuration.GetSection(StaffSignInOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var signIn = configuration.GetSection(StaffSignInOptions.Section).Get<StaffSignInOptions>() ?? new StaffSignInOptions();

        services.AddAuthentication(StaffScheme)
            .AddPolicyScheme(StaffScheme, "Bearer token or staff cookie", options => options.ForwardDefaultSelector = BearerOrCookie)
            .AddJwtBearer(options => StaffBearer.Configure(options, signIn, configuration))
            .AddCookie()
            .AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, _ => { });
        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme).Configure<IOptions<StaffSignInOptions>>(StaffOidc.Configure);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme).Configure<IOptions<StaffSignInOptions>, IHostEnvironment>(
            (options, configured, environment) => StaffCookie.Configure(options, configured.Value.SessionLifetime, environment.EnvironmentName));

        AddPolicies(services);
        services.AddScoped<StaffUnits>();
        services.AddSingleton<DevelopmentUnits>();
        return services;
    }

    /// <summary>Requests with a bearer token are API calls; everything else is a browser with the staff cookie.</summary>
    private static string BearerOrCookie(HttpContext context) =>
        CarriesBearerToken(context.Request) ? JwtBearerDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>A bearer call: the browser never adds this header by itself, so no other site can make one ride along.</summary>
    public static bool CarriesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static void AddPolicies(IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            // Anything not marked otherwise needs a signed-in user: public endpoints opt out explicitly with AllowAnonymous.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Instructor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Instructor, Roles.Admin))
            .AddPolicy(Policies.ProjectStaff, p => p.RequireAuthenticatedUser().RequireRole(Roles.ProjectStaff, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.Instructor, Roles.ProjectStaff, Roles.Admin));
}
