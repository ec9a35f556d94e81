using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Osaamismerkit.Staff;

/// <summary>
/// API calls with a bearer token. The framework reads Authentication:Schemes:Bearer (issuer, audiences, signing keys) —
/// the layout `dotnet user-jwts` writes for local development; in production the provider's Authority and audience.
/// </summary>
public static class StaffBearer
{
    public static void Configure(JwtBearerOptions options, StaffSignInOptions signIn, IConfiguration configuration)
    {
        if (signIn.Enabled && configuration["Authentication:Schemes:Bearer:SigningKeys:0:Value"] is null)
        {
            options.Authority = signIn.Authority;
            options.Audience = configuration["Authentication:Schemes:Bearer:ValidAudiences:0"] ?? signIn.ClientId;
            options.RequireHttpsMetadata = signIn.RequireHttpsMetadata;
        }
    }
}
