namespace Osaamismerkit.Staff;

public static class StaffServices
{
    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        // The Bearer scheme reads Authentication:Schemes:Bearer (issuer, audiences, signing keys), the layout
        // `dotnet user-jwts` writes for local development and that an Entra ID app registration fills in production.
        services.AddAuthentication().AddJwtBearer();
        services.AddAuthorizationBuilder()
            // Anything not marked otherwise needs a signed-in user: public endpoints opt out explicitly with AllowAnonymous.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Instructor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Instructor, Roles.Admin))
            .AddPolicy(Policies.ProjectStaff, p => p.RequireAuthenticatedUser().RequireRole(Roles.ProjectStaff, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        services.AddScoped<StaffUnits>();
        return services;
    }
}
