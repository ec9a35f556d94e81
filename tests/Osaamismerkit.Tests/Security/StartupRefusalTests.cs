using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Security;

/// <summary>Production settings that must be there: each missing one stops the process with one line that says what to set.</summary>
public sealed class StartupRefusalTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("osaamismerkit-refusal-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestCase("Signing:PrivateKeyPemPath")]
    [TestCase("Public:BaseUrl")]
    [CancelAfter(120_000)]
    public async Task Outside_development_a_missing_setting_stops_start_up_with_one_line_naming_it(string key)
    {
        var settings = ProductionSettings.In(_folder);
        settings.Remove(key);

        var (exitCode, output) = await ServiceProcess.RunToExitAsync(_folder, settings, [], "Production", TimeSpan.FromSeconds(60));

        Assert.That(exitCode, Is.EqualTo(1), output);
        var critical = output.Split('\n').Where(line => line.Contains("crit:", StringComparison.Ordinal)).ToList();
        Assert.That(critical, Has.Count.EqualTo(1), output);
        Assert.That(critical[0], Does.Contain(key));
        Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
    }
}
