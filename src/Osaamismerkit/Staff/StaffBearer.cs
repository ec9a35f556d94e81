using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Osaamismerkit.Staff;

/// <summary>
/// API calls with a bearer token. The framework reads Authentication:Schemes:Bearer (issuer, audiences, signing keys) —
/// the layout `dotnet user-jwts` writes for local development; in production the provider's Authority and the API's
/// own audience (Authentication:Schemes:Bearer:ValidAudiences:0).
/// </summary>
public static class StaffBearer
{
    /// <summary>
    /// Claims only an ID token carries (OpenID Connect Core 3.1.3.6, 3.3.2.11): such a token says who signed in to the
    /// browser session, not that anyone granted a call to this API, whatever its audience.
    /// </summary>
    private static readonly string[] IdTokenClaims = ["nonce", "at_hash", "c_hash"];

    public static void Configure(JwtBearerOptions options, StaffSignInOptions signIn, IConfiguration configuration)
    {
        if (signIn.Enabled && configuration["Authentication:Schemes:Bearer:SigningKeys:0:Value"] is null)
        {
            options.Authority = signIn.Authority;
            options.RequireHttpsMetadata = signIn.RequireHttpsMetadata;
            // The API's audience and never the client id: the provider issues the sign-in's ID tokens to the client id,
            // so taking it here let a token meant for the browser call the API. Without an API audience no provider
            // token is accepted. Set here, not left to the framework, which stops checking audience and issuer when the
            // Bearer section exists without them.
            var audience = configuration["Authentication:Schemes:Bearer:ValidAudiences:0"];
            options.Audience = audience;
            options.TokenValidationParameters.ValidateAudience = true;
            options.TokenValidationParameters.ValidAudiences = audience is null ? [] : [audience];
            options.TokenValidationParameters.ValidateIssuer = true;
        }

        options.Events.OnTokenValidated = context =>
        {
            if (IsIdToken(context.SecurityToken))
            {
                context.Fail("An ID token is not an access token for this API.");
            }

            return Task.CompletedTask;
        };
    }

    private static bool IsIdToken(Microsoft.IdentityModel.Tokens.SecurityToken token) => token switch
    {
        JsonWebToken jwt => IdTokenClaims.Any(claim => jwt.TryGetClaim(claim, out _)),
        JwtSecurityToken jwt => IdTokenClaims.Any(jwt.Payload.ContainsKey),
        _ => false,
    };
}
