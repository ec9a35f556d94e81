using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Tests.Support;

/// <summary>
/// The real service on real Kestrel at 127.0.0.1, on a fresh database of the given provider: for tests where another
/// process calls back (OIDC) or a real browser or socket is the client. The browser tests compile this same file without
/// the SQL capture (SQL_CAPTURE is defined only in the unit test project), so there it only serves.
/// </summary>
public sealed class KestrelTestApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _clock;

    private KestrelTestApp(TestDatabase database, Dictionary<string, string?> settings, TimeProvider? clock)
    {
        Database = database;
        _settings = settings;
        _clock = clock;
    }

    public TestDatabase Database { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <param name="port">The loopback port, or 0 for any free one.</param>
    /// <param name="settings">Configuration on top of the fresh database and the staff tokens.</param>
    /// <param name="clock">A clock the test moves; null keeps the system clock (a real OIDC provider signs with real time).</param>
    /// <param name="provider">The database; null is <see cref="TestDatabase.DefaultProvider"/>, as for <see cref="TestApp"/>.</param>
    public static async Task<KestrelTestApp> StartAsync(
        int port, IDictionary<string, string?> settings, TimeProvider? clock = null, DatabaseProvider? provider = null)
    {
        var database = await TestDatabase.CreateAsync(provider ?? TestDatabase.DefaultProvider);
        var all = database.Settings();
        foreach (var (key, value) in TestTokens.Settings().Concat(settings))
        {
            all[key] = value;
        }

        var app = new KestrelTestApp(database, all, clock);
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        app.BaseAddress = new Uri(new Uri(address), "/");
        return app;
    }

    public HttpClient Http() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services =>
        {
            if (_clock is not null)
            {
                services.AddSingleton(_clock);
            }

#if SQL_CAPTURE
            services.AddSingleton<ISqlStatementObserver>(SqlCapture.CapturedSql.Instance);
#endif
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
