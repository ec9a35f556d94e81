using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Bench;

/// <summary>
/// The real service on Kestrel at a loopback port with a fresh SQLite file, as in production except that the public
/// rate limit is lifted (the load generator is one address) and one extra constant endpoint, /bench/bare, is mapped
/// ahead of the whole pipeline as the ceiling the other figures are compared with.
/// </summary>
// Any type of the service's assembly names its entry point; the bench has a Program of its own.
public sealed class BenchHost : WebApplicationFactory<Database>
{
    public const string BarePath = "/bench/bare";
    private const string Issuer = "osaamismerkit-bench";
    private const string Audience = "osaamismerkit";

    private static readonly byte[] TokenKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    private readonly Dictionary<string, string?> _settings;

    private readonly bool _keep;

    private BenchHost(string dataFolder, int port, bool keep)
    {
        _keep = keep;
        DataFolder = dataFolder;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _settings = new Dictionary<string, string?>
        {
            ["Database:DataFolder"] = dataFolder,
            ["Public:BaseUrl"] = BaseAddress.ToString().TrimEnd('/'),
            ["RateLimits:PublicPermitsPerMinute"] = "100000000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
            ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
            ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
            ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(TokenKey),
        };
    }

    public string DataFolder { get; }

    public Uri BaseAddress { get; }

    /// <param name="dataFolder">A folder to keep (and reuse) instead of a fresh temporary one.</param>
    public static BenchHost Start(string? dataFolder = null)
    {
        // The service's content root (appsettings, catalogue paths), found from the solution like the test projects do.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Osaamismerkit.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_OSAAMISMERKIT", Path.Combine(
            root?.FullName ?? throw new InvalidOperationException("Run the benchmark from the repository."), "src", "Osaamismerkit"));
        var folder = dataFolder ?? Directory.CreateTempSubdirectory("osaamismerkit-bench-").FullName;
        Directory.CreateDirectory(folder);
        var host = new BenchHost(folder, FreePort(), keep: dataFolder is not null);
        host.UseKestrel(options => options.Listen(IPAddress.Loopback, host.BaseAddress.Port));
        host.StartServer();
        return host;
    }

    public T Service<T>()
        where T : notnull => (T)Services.GetService(typeof(T))!;

    /// <summary>A bearer token for the bench's own issuer, trusted through the same settings `dotnet user-jwts` uses.</summary>
    public static string Token(string subject, string role)
    {
        var token = new JwtSecurityToken(
            Issuer, Audience, [new Claim("sub", subject), new Claim("roles", role), new Claim("name", "Bench Ohjaaja")],
            notBefore: DateTime.UtcNow.AddMinutes(-1), expires: DateTime.UtcNow.AddHours(2),
            signingCredentials: new SigningCredentials(new SymmetricSecurityKey(TokenKey), SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public async Task<string> UnitAsync(string instructor)
    {
        var id = "bench-unit-" + Guid.NewGuid().ToString("N")[..6];
        await using var connection = await Service<Database>().OpenAsync();
        await connection.ExecuteAsync("INSERT INTO units (id, name, municipality_code, created_at) VALUES (@Id, 'Bench', '167', @Now)", new { Id = id, Now = DateTimeOffset.UtcNow });
        await connection.ExecuteAsync("INSERT INTO unit_memberships (unit_id, staff_subject) VALUES (@Id, @Subject)", new { Id = id, Subject = instructor });
        return id;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, BareEndpoint>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_keep)
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class BareEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(BarePath, bare => bare.Run(context => context.Response.WriteAsync("ok")));
            next(app);
        };
    }
}
