using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Osaamismerkit.Tests.Support;

/// <summary>
/// Bearer tokens for API tests, signed with a key the test service is configured to trust through the same
/// Authentication:Schemes:Bearer settings that `dotnet user-jwts` and production use.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "osaamismerkit-tests";
    public const string Audience = "osaamismerkit";

    private static readonly byte[] Key = Convert.FromBase64String("b3NhYW1pc21lcmtpdC10ZXN0LWtleS0zMi1ieXRlcyE=");

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(Key),
    };

    public static string Create(string subject, IEnumerable<string> roles, TimeSpan? lifetime = null, byte[]? key = null, IEnumerable<Claim>? extra = null)
    {
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        claims.AddRange(extra ?? []);
        var expires = DateTime.UtcNow + (lifetime ?? TimeSpan.FromHours(1));
        var token = new JwtSecurityToken(
            Issuer,
            Audience,
            claims,
            notBefore: expires.AddHours(-2),
            expires: expires,
            signingCredentials: new SigningCredentials(new SymmetricSecurityKey(key ?? Key), SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public static HttpClient As(this HttpClient client, string subject, params string[] roles)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Create(subject, roles));
        return client;
    }
}
