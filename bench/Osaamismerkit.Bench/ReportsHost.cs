using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Bench;

/// <summary>
/// The real service for the report benchmark, on a SQLite file that can be kept and reused between runs (seeding a
/// million assessments takes minutes); the reports are timed in-process through the same service the API uses.
/// </summary>
// Any type of the service's assembly names its entry point; the bench has a Program of its own.
public sealed class ReportsHost : WebApplicationFactory<Database>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _keep;

    private ReportsHost(string dataFolder, int port, bool keep)
    {
        DataFolder = dataFolder;
        _keep = keep;
        _settings = new Dictionary<string, string?>
        {
            ["Database:DataFolder"] = dataFolder,
            ["Public:BaseUrl"] = $"http://127.0.0.1:{port}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }

    public string DataFolder { get; }

    /// <param name="dataFolder">A folder to keep (and reuse) instead of a fresh temporary one.</param>
    public static ReportsHost Start(string? dataFolder = null)
    {
        // The service's content root (appsettings, catalogue paths), found from the solution like the test projects do.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Osaamismerkit.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_OSAAMISMERKIT", Path.Combine(
            root?.FullName ?? throw new InvalidOperationException("Run the benchmark from the repository."), "src", "Osaamismerkit"));
        var folder = dataFolder ?? Directory.CreateTempSubdirectory("osaamismerkit-reports-").FullName;
        Directory.CreateDirectory(folder);
        var host = new ReportsHost(folder, FreePort(), keep: dataFolder is not null);
        host.UseKestrel(options => options.Listen(IPAddress.Loopback, FreePort()));
        host.StartServer();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
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
}
