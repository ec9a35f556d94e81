using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Assessments;
using Osaamismerkit.Clients;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reliability;

/// <summary>
/// Several instances on one database (KeyRing:Storage Database): two service processes whose data folders differ
/// share one key ring kept in the database and encrypted with the key-ring certificate. A contact one writes, the other
/// reads; a staff cookie one issues, the other accepts; a copy of the database without the certificate reads nothing;
/// and an instance that cannot decrypt says so plainly wherever a contact is needed.
/// </summary>
[NonParallelizable]
public sealed class SharedKeyRingTests
{
    private const string Instructor = "instructor-keyring";
    private const string Email = "aino.avainrengas@example.fi";
    private const string ContactPurpose = "Osaamismerkit.Clients.Contact.v1";

    private string _root = null!;
    private string _shared = null!;

    [SetUp]
    public void CreateFolders()
    {
        _root = Directory.CreateTempSubdirectory("om-keyring-").FullName;
        _shared = Directory.CreateDirectory(Path.Combine(_root, "shared")).FullName;
        File.WriteAllText(Path.Combine(_root, "signing.pem"), RSA.Create(2048).ExportPkcs8PrivateKeyPem());
        WriteCertificate("keyring.pfx", "Osaamismerkit key ring");
        WriteCertificate("other.pfx", "Another county's key ring");
    }

    [TearDown]
    public void RemoveFolders()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A process that is still closing its files leaves them to the OS temp cleaner.
        }
    }

    [Test]
    public async Task A_contact_written_by_one_instance_is_read_by_another_and_so_is_a_staff_cookie()
    {
        var (portA, portB, portIdentity) = (DevIdentityProvider.FreePort(), DevIdentityProvider.FreePort(), DevIdentityProvider.FreePort());
        await using var a = await ServiceProcess.StartAsync(Folder("a"), Instance(portA, "keyring.pfx", portIdentity));
        await SetUpUnitAsync();
        await using var b = await ServiceProcess.StartAsync(Folder("b"), Instance(portB, "keyring.pfx", portIdentity));

        var clientId = await CreateClientAsync(a.BaseAddress);
        var readByB = await GetClientAsync(b.BaseAddress, clientId);

        Assert.That(readByB.Email, Is.EqualTo(Email), "B decrypts what A encrypted");
        Assert.That(readByB.ContactUnreadable, Is.False);

        await using var identity = await DevIdentityProvider.StartAsync(portIdentity, a.BaseAddress, b.BaseAddress);
        using var browser = new StaffBrowser(a.BaseAddress);
        await browser.SignInAsync("ohjaaja");
        Assert.That(browser.HasCookie(StaffServices.CookieName), Is.True, "signed in on A");
        // The cookie is the host's, not the port's: the same browser now asks B, as a load balancer would send it there.
        using var onB = await browser.GetAsync(new Uri(b.BaseAddress, $"/api/clients/{clientId}"));
        Assert.That(onB.StatusCode, Is.EqualTo(HttpStatusCode.OK), "B accepts the cookie A issued");
        Assert.That((await onB.Content.ReadFromJsonAsync<ClientView>())!.Email, Is.EqualTo(Email));
    }

    [Test]
    public async Task A_copy_of_the_database_without_the_certificate_cannot_decrypt_its_contacts()
    {
        await using (var a = await ServiceProcess.StartAsync(Folder("a"), Instance(0, "keyring.pfx")))
        {
            await SetUpUnitAsync();
            await CreateClientAsync(a.BaseAddress);
        }

        // The attacker's copy: every row of the database, and Data Protection itself to try them with.
        await using var copy = await CrowdSetup.OpenFileAsync(_shared);
        var keys = (await copy.QueryAsync<string>("SELECT xml FROM data_protection_keys")).Select(XElement.Parse).ToList();
        var stored = await copy.QuerySingleAsync<string>("SELECT email_protected FROM clients");

        Assert.That(keys, Is.Not.Empty, "the ring is in the database");
        Assert.That(keys.SelectMany(k => k.Descendants("masterKey")).SelectMany(m => m.Elements("value")), Is.Empty,
            "no key is stored in the clear");
        Assert.That(() => Protector(keys, certificate: null).Unprotect(stored), Throws.InstanceOf<CryptographicException>(),
            "without the certificate the copy decrypts nothing");
        Assert.That(Protector(keys, Certificate("keyring.pfx")).Unprotect(stored), Is.EqualTo(Email),
            "with it, the same attempt succeeds: the refusal above is the certificate's doing");
    }

    [Test]
    public async Task An_instance_that_cannot_decrypt_a_contact_says_so_on_the_client_the_export_and_when_issuing()
    {
        string clientId;
        await using (var a = await ServiceProcess.StartAsync(Folder("a"), Instance(0, "keyring.pfx")))
        {
            await SetUpUnitAsync();
            clientId = await CreateClientAsync(a.BaseAddress);
        }

        // The database restored next to the wrong key-ring certificate.
        await using var restored = await ServiceProcess.StartAsync(Folder("restored"), Instance(0, "other.pfx"));

        var client = await GetClientAsync(restored.BaseAddress, clientId);
        Assert.That(client.ContactUnreadable, Is.True);
        Assert.That(client.Email, Is.Null);
        Assert.That(client.DisplayName, Is.EqualTo("Aino Avainrengas"), "the rest of the client is still shown");

        using var http = Http(restored.BaseAddress);
        using var export = await http.GetAsync($"/api/clients/{clientId}/export");
        Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await export.Content.ReadAsStringAsync(), Does.Contain("\"contactUnreadable\":true"));

        var badge = CrowdSetup.SkillBadges()[0];
        var request = new AssessmentRequest(clientId, badge.Id, badge.Version, DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"),
            CrowdSetup.Unit, "onsite", badge.Criteria.Select(c => new CriterionResult(c.Id, true)).ToList(), null)
        { Statement = "Teki tehtävän itse." };
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/assessments") { Content = JsonContent.Create(request) };
        message.Headers.Add("Idempotency-Key", "keyring-issue-1");
        message.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("fi"));
        using var issued = await http.SendAsync(message);
        var body = await issued.Content.ReadAsStringAsync();

        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body);
        Assert.That(body, Does.Contain("salattuja tietoja ei voi lukea"));
        await using var db = await CrowdSetup.OpenFileAsync(_shared);
        Assert.That(await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM assessments") + await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM assertions"),
            Is.Zero, "nothing half-written");
    }

    private Dictionary<string, string?> Instance(int port, string certificate, int identityPort = 0)
    {
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{port}",
            ["Database:ConnectionString"] = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_shared, "osaamismerkit.db") }.ToString(),
            ["KeyRing:Storage"] = "Database",
            ["KeyRing:CertificatePath"] = Path.Combine(_root, certificate),
            ["KeyRing:CertificatePassword"] = "test",
            ["Signing:PrivateKeyPemPath"] = Path.Combine(_root, "signing.pem"),
            ["ContactLookup:Key"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray()),
        };
        if (identityPort != 0)
        {
            settings["Authentication:Oidc:Authority"] = $"http://127.0.0.1:{identityPort}";
            settings["Authentication:Oidc:ClientId"] = "osaamismerkit-dev";
            settings["Authentication:Oidc:ClientSecret"] = "osaamismerkit-dev-secret";
            settings["Authentication:Oidc:RequireHttpsMetadata"] = "false";
        }

        return settings;
    }

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    private async Task SetUpUnitAsync()
    {
        await using var connection = await CrowdSetup.OpenFileAsync(_shared);
        await CrowdSetup.UnitAsync(connection, [Instructor, "ohjaaja"]);
    }

    private static HttpClient Http(Uri baseAddress)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(Instructor, [Roles.Instructor]));
        return http;
    }

    private static async Task<string> CreateClientAsync(Uri baseAddress)
    {
        using var http = Http(baseAddress);
        using var response = await http.PostAsJsonAsync("/api/clients", new ClientRequest("Aino Avainrengas", Email, null, "fi", CrowdSetup.Unit, null));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClientView>())!.Id;
    }

    private static async Task<ClientView> GetClientAsync(Uri baseAddress, string id)
    {
        using var http = Http(baseAddress);
        using var response = await http.GetAsync($"/api/clients/{id}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ClientView>())!;
    }

    /// <summary>Data Protection as anyone could run it over the copied rows, with or without the certificate.</summary>
    private static IDataProtector Protector(IReadOnlyList<XElement> keys, X509Certificate2? certificate)
    {
        var services = new ServiceCollection();
        var builder = services.AddDataProtection().SetApplicationName("Osaamismerkit").DisableAutomaticKeyGeneration();
        if (certificate is not null)
        {
            builder.UnprotectKeysWithAnyCertificate(certificate);
        }

        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new CopiedRows(keys));
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector(ContactPurpose);
    }

    private X509Certificate2 Certificate(string file) =>
        X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(_root, file), "test", X509KeyStorageFlags.EphemeralKeySet);

    private void WriteCertificate(string file, string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        File.WriteAllBytes(Path.Combine(_root, file), certificate.Export(X509ContentType.Pfx, "test"));
    }

    private sealed class CopiedRows(IReadOnlyList<XElement> keys) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => keys;

        public void StoreElement(XElement element, string friendlyName) => throw new InvalidOperationException("the copy is read only");
    }
}
