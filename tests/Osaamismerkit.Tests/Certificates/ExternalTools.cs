using System.Diagnostics;

namespace Osaamismerkit.Tests.Certificates;

/// <summary>
/// Debian tools some certificate tests drive (poppler-utils' pdftoppm, zbar-tools' zbarimg). `.ci/install-test-dependencies`
/// installs them; under CI=true a missing tool fails the test, on a developer machine it only skips it.
/// </summary>
internal static class ExternalTools
{
    public static string Require(string name, string debianPackage)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        var message = $"'{name}' is not installed: run .ci/install-test-dependencies (Debian package {debianPackage}).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        return name;
    }

    /// <summary>Runs a tool and returns its exit code and standard output.</summary>
    public static (int ExitCode, string Output) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            Assert.Fail($"{tool} did not finish within a minute.");
        }

        TestContext.Out.Write(error.Result);
        return (process.ExitCode, output.Result);
    }
}
