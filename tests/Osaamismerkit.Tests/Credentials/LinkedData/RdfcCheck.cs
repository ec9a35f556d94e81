using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Credentials.LinkedData;

/// <summary>
/// The independent canonicaliser in tools/rdfc-check (digitalbazaar jsonld.js on Node.js), fed the same
/// bundled context files. In CI a missing Node.js or npm install fails the test; elsewhere it is skipped.
/// </summary>
internal static class RdfcCheck
{
    /// <summary>For each document, its canonical N-Quads, or null with the error jsonld.js gave.</summary>
    public static IReadOnlyList<(string? NQuads, string? Error)> Canonize(IReadOnlyList<JsonNode> documents, params string[] arguments)
    {
        var folder = Folder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "jsonld")))
        {
            Unavailable($"run `npm ci --prefix {folder}` (Node.js 18+) to install jsonld.js");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("canonize.mjs");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
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
            var error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(new JsonArray(documents.Select(d => d.DeepClone()).ToArray()).ToJsonString());
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, "tools/rdfc-check failed: " + error.Result);
            return JsonNode.Parse(output)!.AsArray()
                .Select(r => (r!["nquads"]?.GetValue<string>(), r["error"]?.GetValue<string>()))
                .ToList();
        }
    }

    public static string Folder() => Path.Combine(RepositoryRoot(), "tools", "rdfc-check");

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Osaamismerkit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static void Unavailable(string reason) => MissingTool.Stop("The Linked Data tests need the independent canonicaliser", reason);
}
