using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Tests.Support;

/// <summary>The service on real Kestrel at a given loopback port, for tests where another process calls back (OIDC).</summary>
public sealed class KestrelTestApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private KestrelTestApp(TestDatabase database, Dictionary<string, string?> settings, Uri baseAddress)
    {
        Database = database;
        _settings = settings;
        BaseAddress = baseAddress;
    }

    public TestDatabase Database { get; }

    public Uri BaseAddress { get; }

    public static async Task<KestrelTestApp> StartAsync(int port, IDictionary<string, string?> settings)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var all = database.Settings();
        foreach (var (key, value) in TestTokens.Settings().Concat(settings))
        {
            all[key] = value;
        }

        var app = new KestrelTestApp(database, all, new Uri($"http://127.0.0.1:{port}/"));
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
