using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Osaamismerkit.Tests.Support;

/// <summary>
/// The real OpenID Connect provider from tools/dev-identity (panva/oidc-provider on Node.js) on 127.0.0.1.
/// In CI a missing Node.js or npm install fails the test; elsewhere the test is skipped with the reason.
/// </summary>
public sealed class DevIdentityProvider : IAsyncDisposable
{
    private readonly Process _process;

    private DevIdentityProvider(Process process, Uri authority)
    {
        _process = process;
        Authority = authority;
    }

    public Uri Authority { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Folder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Osaamismerkit.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Repository root not found."), "tools", "dev-identity");
    }

    public static async Task<DevIdentityProvider> StartAsync(int port, Uri appUrl, params Uri[] moreAppUrls)
    {
        var folder = Folder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
        {
            Unavailable($"run `npm ci --prefix {folder}` (Node.js 18+) to install the development identity provider");
        }

        var start = new ProcessStartInfo("node", "server.mjs")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["APP_URLS"] = string.Join(',', new[] { appUrl }.Concat(moreAppUrls).Select(u => u.ToString().TrimEnd('/')));
        start.Environment["NODE_ENV"] = "development";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Unavailable("Node.js (`node`) is not installed");
            throw;
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var authority = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(authority, ".well-known/openid-configuration"));
                if (response.IsSuccessStatusCode)
                {
                    return new DevIdentityProvider(process, authority);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The development identity provider did not start within 30 s.");
    }

    private static void Unavailable(string reason) => MissingTool.Stop("The sign-in tests need the development identity provider", reason);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
