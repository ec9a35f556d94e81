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

    /// <summary>
    /// Runs a script that talks HTTP to the in-process service through a relay: each <c>{fetch:…}</c> line it writes is
    /// sent with <paramref name="http"/> (the test server's own client) and the response written back as one line, until
    /// it writes its <c>{answer:…}</c>.
    /// </summary>
    public static async Task<JsonObject> RunWithRelayAsync(string script, JsonObject input, HttpClient http)
    {
        var folder = Folder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@openid4vc", "openid4vci")))
        {
            Unavailable($"run `npm ci --prefix {folder}` (Node.js 20+) to install the OpenID4VCI wallet");
        }

        var start = new ProcessStartInfo("node", script)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.StandardInput.WriteLineAsync(input.ToJsonString());
            await process.StandardInput.FlushAsync();
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                var message = JsonNode.Parse(line)!.AsObject();
                if (message["answer"] is JsonObject answer)
                {
                    process.StandardInput.Close();
                    await process.WaitForExitAsync(timeout.Token);
                    return answer;
                }

                var reply = await RelayAsync(http, message["fetch"]!.AsObject(), timeout.Token);
                await process.StandardInput.WriteLineAsync(reply.ToJsonString());
                await process.StandardInput.FlushAsync();
            }

            Assert.Fail($"{script} ended without an answer: {await errors}");
            throw new InvalidOperationException();
        }
    }

    private static async Task<JsonObject> RelayAsync(HttpClient http, JsonObject fetch, CancellationToken cancellationToken)
    {
        var url = new Uri(fetch["url"]!.GetValue<string>());
        using var request = new HttpRequestMessage(new HttpMethod(fetch["method"]!.GetValue<string>()), url.PathAndQuery);
        string? contentType = null;
        foreach (var (name, value) in fetch["headers"]!.AsObject())
        {
            if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value!.GetValue<string>();
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value!.GetValue<string>());
            }
        }

        if (fetch["body"] is JsonValue body)
        {
            request.Content = new StringContent(body.GetValue<string>());
            request.Content.Headers.Remove("Content-Type");
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var headers = new JsonObject();
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        return new JsonObject
        {
            ["status"] = (int)response.StatusCode,
            ["headers"] = headers,
            ["body"] = await response.Content.ReadAsStringAsync(cancellationToken),
        };
    }

    public static bool Valid(JsonObject answer) => answer["valid"]?.GetValue<bool>() == true;

    public static string Describe(JsonObject answer) => answer.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static void Unavailable(string reason) => MissingTool.Stop("The credential tests need the independent verifiers", reason);
}
