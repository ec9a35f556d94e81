using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Osaamismerkit.Tests.Support;

/// <summary>
/// The built service as its own process (<c>dotnet Osaamismerkit.dll</c>) on 127.0.0.1 and a data folder of the test's,
/// so that a test can kill it with SIGKILL, start it again on the same files, or watch it refuse to start.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(Process process)
    {
        _process = process;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the service and waits until it listens; fails with its output if it exits or takes too long.</summary>
    public static async Task<ServiceProcess> StartAsync(string dataFolder, IDictionary<string, string?>? settings = null, string environment = "Testing")
    {
        var service = Launch(dataFolder, settings, environment, []);
        using var timeout = new CancellationTokenSource(StartTimeout);
        var exited = service._process.WaitForExitAsync(timeout.Token);
        var first = await Task.WhenAny(service._listening.Task, exited);
        if (first != service._listening.Task)
        {
            var output = service.Output;
            await service.DisposeAsync();
            Assert.Fail($"The service did not start within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{output}");
        }

        service.BaseAddress = await service._listening.Task;
        return service;
    }

    /// <summary>Runs the service binary with arguments (a command such as backup, or a start that should fail) to its end.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(
        string dataFolder, IDictionary<string, string?>? settings, IEnumerable<string> arguments, string environment = "Testing", TimeSpan? timeout = null)
    {
        await using var service = Launch(dataFolder, settings, environment, arguments);
        using var limit = new CancellationTokenSource(timeout ?? StartTimeout);
        try
        {
            await service._process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The service did not exit within {(timeout ?? StartTimeout).TotalSeconds} s:{Environment.NewLine}{service.Output}");
        }

        // The asynchronous readers may still hold the last lines; WaitForExit() without a timeout drains them.
        service._process.WaitForExit();
        return (service._process.ExitCode, service.Output);
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown code runs, open transactions are simply cut.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(limit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static ServiceProcess Launch(string dataFolder, IDictionary<string, string?>? settings, string environment, IEnumerable<string> arguments)
    {
        var binary = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = binary,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(binary, "Osaamismerkit.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var all = new Dictionary<string, string?>(TestTokens.Settings())
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Database:DataFolder"] = dataFolder,
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.Received(e.Data);
        process.ErrorDataReceived += (_, e) => service.Received(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups["url"].Value + "/"));
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:[0-9]+)")]
    private static partial Regex ListeningLine();
}
