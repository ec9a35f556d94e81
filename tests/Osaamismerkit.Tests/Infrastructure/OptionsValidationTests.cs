using Microsoft.Extensions.Options;
using Osaamismerkit.Infrastructure;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Infrastructure;

/// <summary>
/// Every options class bound from configuration has rules, checked at start-up: a bad value stops the service with a
/// message that names the key, before anything reads the value.
/// </summary>
public sealed class OptionsValidationTests
{
    private const string HttpsAuthority = "https://login.example.fi/tenant/v2.0";

    /// <summary>One bad value (or combination) per rule; the key the message must name comes first.</summary>
    public static IEnumerable<TestCaseData> BadSettings()
    {
        yield return Bad("Catalogue:DefinitionsPath", " ");
        yield return Bad("Catalogue:SchemaPath", " ");
        yield return Bad("ContactLookup:Key", Convert.ToBase64String(new byte[16]));
        yield return Bad("ContactLookup:DevelopmentKeyFile", " ");
        yield return Bad("Database:Provider", "7");
        yield return Bad("Database:BusyTimeoutSeconds", "0");
        yield return Bad("Database:BusyTimeoutSeconds", "600");
        yield return Bad("Database:GroupCommitMaxUnits", "1");
        yield return Bad("Database:GroupCommitMaxUnits", "5000");
        yield return Bad("Database:SqliteFileName", " ");
        yield return Bad("Database:WalCheckpointMilliseconds", "9");
        yield return Bad("Database:WalCheckpointMilliseconds", "60001");
        yield return Bad("Database:WalLimitPages", "99");
        yield return Bad("Database:WalLimitPages", "1000001");
        yield return Bad("Database:ConnectionString", " ", ("Database:Provider", "SqlServer"));
        yield return Bad("Database:SignIn", "7");
        yield return Bad("Database:SignIn", "EntraId");
        yield return Bad("Database:ConnectionString", "Server=tcp:x.database.windows.net;Database=om;User ID=sa;Password=p",
            ("Database:Provider", "SqlServer"), ("Database:SignIn", "EntraId"));
        yield return Bad("Public:BaseUrl", "osaamismerkit.siunsote.fi");
        yield return Bad("Public:BaseUrl", "https://osaamismerkit.siunsote.fi/?lang=sv");
        yield return Bad("RequestLimits:MaxRequestBodyBytes", "0");
        yield return Bad("RequestLimits:MaxRequestBodyBytes", "1073741824");
        yield return Bad("RateLimits:PublicPermitsPerMinute", "0");
        yield return Bad("RateLimits:SignInPermitsPerMinute", "-1");
        yield return Bad("RateLimits:GuessingPermitsPerMinute", "0");
        yield return Bad("Signing:PrivateKeyPemPath", Path.Combine(Path.GetTempPath(), "no-such-folder", "signing-key.pem"));
        yield return Bad("Signing:DevelopmentKeyFolder", " ");
        yield return Bad("Signing:KeySizeBits", "1024");
        yield return Bad("Issuer:Name", " ");
        yield return Bad("Issuer:Url", "ftp://www.siunsote.fi");
        yield return Bad("Issuer:Email", "not an address");
        yield return Bad("Reports:CsvSeparator", "\"");
        yield return Bad("Reports:CsvSeparator", ";;");
        yield return Bad("Authentication:Oidc:Authority", "login.example.fi", ("Authentication:Oidc:ClientId", "osaamismerkit"));
        yield return Bad("Authentication:Oidc:ClientId", "osaamismerkit");
        yield return Bad("Authentication:Oidc:Authority", HttpsAuthority);
        yield return Bad("Authentication:Oidc:RequireHttpsMetadata", "true", ("Authentication:Oidc:Authority", "http://login.example.fi"), ("Authentication:Oidc:ClientId", "osaamismerkit"));
        yield return Bad("Authentication:Oidc:SessionLifetime", "3.00:00:00");
        yield return Bad("Authentication:Oidc:SessionLifetime", "00:00:30");
        yield return Bad("Authentication:Oidc:RoleClaimType", " ");
        yield return Bad("Authentication:Oidc:NameClaimType", " ");
        yield return Bad("Messages:SmtpPort", "0", ("Messages:SmtpHost", "smtp.example.fi"), ("Messages:From", "merkit@example.fi"));
        yield return Bad("Messages:SmtpSecurity", "Tls", ("Messages:SmtpHost", "smtp.example.fi"), ("Messages:From", "merkit@example.fi"));
        yield return Bad("Messages:From", "merkit", ("Messages:SmtpHost", "smtp.example.fi"));
        yield return Bad("Messages:From", " ", ("Messages:SmtpHost", "smtp.example.fi"));
        yield return Bad("Messages:SmtpHost", "smtp://smtp.example.fi:587", ("Messages:From", "merkit@example.fi"));
        yield return Bad("Messages:SmtpSecurity", "StartTls", ("Messages:SmtpHost", "smtp.example.fi"), ("Messages:From", "merkit@example.fi"), ("Messages:SmtpPort", "465"));
        yield return Bad("Messages:SmtpSecurity", "SslOnConnect", ("Messages:SmtpHost", "smtp.example.fi"), ("Messages:From", "merkit@example.fi"), ("Messages:SmtpPort", "587"));
        yield return Bad("Messages:SmtpSecurity", "None", ("Messages:SmtpHost", "smtp.example.fi"), ("Messages:From", "merkit@example.fi"),
            ("Messages:SmtpUserName", "merkit"), ("Messages:SmtpPassword", "salainen"));
        yield return Bad("Messages:SmtpPassword", "", ("Messages:SmtpUserName", "merkit"));
        yield return Bad("Messages:SmtpUserName", "", ("Messages:SmtpPassword", "salainen"));
        yield return Bad("Messages:MaxAttempts", "0");
        yield return Bad("Messages:RetryBaseSeconds", "86400");
        yield return Bad("Messages:PollSeconds", "0");
        yield return Bad("Messages:SmtpTimeoutSeconds", "0");
        yield return Bad("Messages:SendLeaseSeconds", "60", ("Messages:SmtpTimeoutSeconds", "90"));
        yield return Bad("Messages:FromName", "Siun sote\r\nBcc: kaikki@example.fi");
        yield return Bad("CertificateSigning:PfxPath", Path.Combine(Path.GetTempPath(), "no-such-folder", "document-signing.pfx"));
        yield return Bad("CertificateSigning:KeyVaultUri", "http://siunsote-om.vault.azure.net/", ("CertificateSigning:KeyVaultCertificateName", "document-signing"));
        yield return Bad("CertificateSigning:KeyVaultCertificateName", "document-signing");
        yield return Bad("CertificateSigning:KeyVaultCertificateName", " ", ("CertificateSigning:KeyVaultUri", "https://siunsote-om.vault.azure.net/"));
        yield return Bad("CertificateSigning:KeyVaultUri", "https://siunsote-om.vault.azure.net/",
            ("CertificateSigning:KeyVaultCertificateName", "document-signing"), ("CertificateSigning:PfxPath", typeof(OptionsValidationTests).Assembly.Location));
        yield return Bad("CertificateSigning:Location", new string('J', 101));
    }

    [TestCaseSource(nameof(BadSettings))]
    public async Task A_setting_outside_its_rule_stops_start_up_with_a_message_that_names_the_key(string key, Dictionary<string, string?> bad)
    {
        await using var database = await TestDatabase.CreateAsync(Osaamismerkit.Infrastructure.Database.DatabaseProvider.Sqlite);
        var settings = database.Settings();
        foreach (var (name, value) in TestTokens.Settings().Concat(bad))
        {
            settings[name] = value;
        }

        await using var app = new TestAppOnExistingDatabase(settings);
        var failure = Assert.Catch(() => _ = app.Server);

        Assert.That(failure, Is.InstanceOf<OptionsValidationException>(), failure?.ToString());
        Assert.That(StartupFailures.Describe(failure!), Does.Contain(key));
    }

    [Test]
    public async Task The_settings_the_service_ships_with_and_the_tests_use_pass_their_rules()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Public:BaseUrl"] = "http://localhost:5080",
            ["Reports:CsvSeparator"] = "\t",
            ["RateLimits:PublicPermitsPerMinute"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RequestLimits:MaxRequestBodyBytes"] = "65536",
            ["Authentication:Oidc:Authority"] = "http://127.0.0.1:5081",
            ["Authentication:Oidc:ClientId"] = "osaamismerkit-dev",
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        });

        Assert.That(app.Service<IOptions<Osaamismerkit.Reports.ReportOptions>>().Value.CsvSeparator, Is.EqualTo("\t"));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Outside_tests_bad_settings_stop_the_process_with_one_line_that_names_every_bad_key(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("osaamismerkit-options-").FullName;
        try
        {
            var settings = ProductionSettings.In(folder);
            settings["RateLimits:PublicPermitsPerMinute"] = "0";
            settings["Reports:CsvSeparator"] = ";;";

            var (exitCode, output) = await ServiceProcess.RunToExitAsync(folder, settings, [], "Production");

            Assert.That(exitCode, Is.EqualTo(1), output);
            var critical = output.Split('\n').Where(line => line.Contains("crit:", StringComparison.Ordinal)).ToList();
            Assert.That(critical, Has.Count.EqualTo(1), output);
            Assert.That(critical[0], Does.Contain("RateLimits:PublicPermitsPerMinute must be a whole number from 1"));
            Assert.That(critical[0], Does.Contain("Reports:CsvSeparator must be one character"));
            Assert.That(critical[0], Does.Not.Contain("DataAnnotation validation failed"), "the rule's own words, not the validator's wrapping");
            Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static TestCaseData Bad(string key, string value, params (string Key, string Value)[] with)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        foreach (var (name, other) in with)
        {
            settings[name] = other;
        }

        var shown = string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"));
        return new TestCaseData(key, settings).SetName($"A bad setting stops start-up: {shown}");
    }
}
