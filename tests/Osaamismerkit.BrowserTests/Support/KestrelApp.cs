using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.BrowserTests.Support;

/// <summary>The real service on real Kestrel at 127.0.0.1 on a free port, on a fresh SQLite file, with a clock the tests move.</summary>
public sealed class KestrelApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private KestrelApp(TestDatabase database, Dictionary<string, string?> settings)
    {
        Database = database;
        _settings = settings;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<KestrelApp> StartAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = database.Settings();
        foreach (var (key, value) in TestTokens.Settings())
        {
            settings[key] = value;
        }

        // Every page, badge image and QR code of the whole fixture comes from 127.0.0.1 within a couple of minutes;
        // these tests look at the pages, the HTTP tests check the limits.
        settings["RateLimits:PublicPermitsPerMinute"] = "100000";

        var app = new KestrelApp(database, settings);
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        app.BaseAddress = new Uri(address);
        return app;
    }

    public HttpClient Http() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
