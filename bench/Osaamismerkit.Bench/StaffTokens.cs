using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Osaamismerkit.Bench;

/// <summary>
/// Staff bearer tokens for the bench host: HMAC-signed with a key only the bench host trusts, through the same
/// Authentication:Schemes:Bearer settings `dotnet user-jwts` and the integration tests use.
/// </summary>
internal static class StaffTokens
{
    private const string Issuer = "osaamismerkit-bench";
    private const string Audience = "osaamismerkit";

    private static readonly byte[] Key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(Key),
    };

    public static AuthenticationHeaderValue Bearer(string subject, string name, params string[] roles)
    {
        var claims = new List<Claim> { new("sub", subject), new("name", name) };
        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        var expires = DateTime.UtcNow.AddHours(2);
        var token = new JwtSecurityToken(
            Issuer,
            Audience,
            claims,
            notBefore: expires.AddHours(-3),
            expires: expires,
            signingCredentials: new SigningCredentials(new SymmetricSecurityKey(Key), SecurityAlgorithms.HmacSha256));
        return new AuthenticationHeaderValue("Bearer", new JwtSecurityTokenHandler().WriteToken(token));
    }
}
