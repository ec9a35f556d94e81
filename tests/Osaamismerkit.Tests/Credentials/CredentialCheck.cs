using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Credentials;

/// <summary>
/// Runs one of the independent verifiers in tools/credential-check (jose, @digitalbazaar/vc, ajv, an OpenID4VCI wallet) on
/// Node.js: a JSON request on its standard input, a JSON answer on its output. None of our signing code runs there.
/// In CI a missing Node.js or npm install fails the test; elsewhere the test is skipped with the reason.
/// </summary>
public static class CredentialCheck
{
    public static string Folder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Osaamismerkit.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Repository root not found."), "tools", "credential-check");
    }

    public static async Task<JsonObject> RunAsync(string script, JsonObject input, IDictionary<string, string>? environment = null)
    {
        var folder = Folder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "jose")))
        {
            Unavailable($"run `npm ci --prefix {folder}` (Node.js 20+) to install the independent credential verifiers");
        }

        var start = new ProcessStartInfo("node", script)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

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

        using (process)
        {
            await process.StandardInput.WriteAsync(input.ToJsonString());
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            var text = await output;
            Assert.That(process.ExitCode, Is.EqualTo(0), $"{script} failed: {await errors}\n{text}");
            return JsonNode.Parse(text.Trim().Split('\n')[^1])!.AsObject();
        }
    }

    public static bool Valid(JsonObject answer) => answer["valid"]?.GetValue<bool>() == true;

    public static string Describe(JsonObject answer) => answer.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static void Unavailable(string reason) => MissingTool.Stop("The credential tests need the independent verifiers", reason);
}
