using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MimeKit;

namespace Osaamismerkit.Tests.Support;

/// <summary>
/// The real SMTP server from tools/smtp-sink (nodemailer's smtp-server on Node.js) on 127.0.0.1: every accepted message
/// is a file, every delivery one line of its log. In CI a missing Node.js or npm install fails the test; elsewhere the
/// test is skipped with the reason, as the sign-in tests do with the identity provider.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private SmtpSink(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string LogFile => Path.Combine(_folder, "deliveries.log");

    /// <summary>Settings that send the service's messages here.</summary>
    public IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Messages:SmtpHost"] = "127.0.0.1",
        ["Messages:SmtpPort"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Messages:SmtpSecurity"] = "None",
        ["Messages:From"] = "osaamismerkit@siunsote.fi",
        ["Messages:SmtpTimeoutSeconds"] = "10",
    };

    /// <param name="delayMs">How long the server holds its reply to each message (to kill a sender mid-send).</param>
    /// <param name="rejectTo">Addresses the server refuses with 550.</param>
    public static async Task<SmtpSink> StartAsync(int delayMs = 0, params string[] rejectTo)
    {
        var tool = Path.Combine(Path.GetDirectoryName(DevIdentityProvider.Folder())!, "smtp-sink");
        if (!Directory.Exists(Path.Combine(tool, "node_modules", "smtp-server")))
        {
            Unavailable($"run `npm ci --prefix {tool}` (Node.js 18+) to install the test SMTP server");
        }

        var folder = Directory.CreateTempSubdirectory("osaamismerkit-smtp-").FullName;
        var port = DevIdentityProvider.FreePort();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new ProcessStartInfo("node", "server.mjs")
        {
            WorkingDirectory = tool,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["OUT_DIR"] = folder;
        start.Environment["DELAY_MS"] = delayMs.ToString(CultureInfo.InvariantCulture);
        start.Environment["REJECT_TO"] = string.Join(',', rejectTo);
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

        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("listening", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30))) != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The test SMTP server did not start within 30 s.");
        }

        return new SmtpSink(process, folder, port);
    }

    /// <summary>Every delivery the server's log has recorded, in order.</summary>
    public IReadOnlyList<Delivery> Deliveries()
    {
        if (!File.Exists(LogFile))
        {
            return [];
        }

        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<Delivery>();
        while (reader.ReadLine() is { } line)
        {
            // The server appends whole lines; a line still being written is read on the next look.
            if (line.EndsWith('}'))
            {
                lines.Add(JsonSerializer.Deserialize<Delivery>(line, JsonSerializerOptions.Web)!);
            }
        }

        return lines;
    }

    /// <summary>Waits until the log has at least <paramref name="count"/> deliveries; fails after the timeout.</summary>
    public async Task<IReadOnlyList<Delivery>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var deliveries = Deliveries();
            if (deliveries.Count >= count)
            {
                return deliveries;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"The SMTP server received {Deliveries().Count} messages, not {count}, within the time allowed.");
        return [];
    }

    public MimeMessage Read(Delivery delivery) => MimeMessage.Load(Path.Combine(_folder, delivery.File));

    private static void Unavailable(string reason) => MissingTool.Stop("The message tests need the test SMTP server", reason);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One line of the server's log.</summary>
    public sealed record Delivery(int N, string? MessageId, string? From, IReadOnlyList<string> To, string File, DateTimeOffset At);
}
