using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Bench;

/// <summary>
/// The real service on Kestrel at 127.0.0.1 on a free (or given) port, on a fresh SQLite file in a temp folder, in the Testing
/// environment (development signing key, HMAC staff tokens). What differs from production is set here and only here:
/// the public rate limit is lifted so the bench measures the service and not the limiter, and logging is Warning.
/// </summary>
// Any type of the service's assembly names it for WebApplicationFactory; its Program clashes with this one's.
internal sealed class BenchHost : WebApplicationFactory<Database>
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("osaamismerkit-bench-").FullName;

    private BenchHost()
    {
    }

    public Uri BaseAddress { get; private set; } = null!;

    public string DataFolder => _dataFolder;

    /// <param name="port">0 for any free port; a fixed one where the machine's ports are shared out.</param>
    public static BenchHost Start(int port)
    {
        var host = new BenchHost();
        host.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        host.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return host;
    }

    /// <summary>One client per kind of caller: keep-alive connections, as many as workers, no cookies, no redirects.</summary>
    public HttpClient Client(int connections, System.Net.Http.Headers.AuthenticationHeaderValue? bearer = null)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = bearer;
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = StaffTokens.Settings();
        settings["Database:Provider"] = nameof(DatabaseProvider.Sqlite);
        settings["Database:DataFolder"] = _dataFolder;
        settings["RateLimits:PublicPermitsPerMinute"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning";
        // Keys of a temp folder that is deleted afterwards: the warning that they are not encrypted at rest is noise here.
        settings["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error";
        builder.UseContentRoot(ContentRoot());
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, BareEndpoint>());
    }

    /// <summary>
    /// The service's project folder, as the tests use it. WebApplicationFactory reads the manifest naming it from the
    /// current directory, which under `dotnet run --project` is wherever the command was typed.
    /// </summary>
    private static string ContentRoot()
    {
        var manifest = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json"));
        var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(manifest)!;
        return roots[typeof(Database).Assembly.FullName!];
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown is left for the OS temp cleaner.
        }
    }
}
