using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Issuing;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Issuing;

/// <summary>E-mail and phone are encrypted at rest and searchable only through a keyed hash (HMAC-SHA256, ContactLookup:Key).</summary>
public sealed class ContactLookupTests : IssuingTestBase
{
    private const string Key = "dGVzdC1jb250YWN0LWxvb2t1cC1rZXktb2YtMzItYnl0ZXMh";

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["ContactLookup:Key"] = Key };

    [Test]
    public async Task A_client_is_found_by_a_whole_email_address_or_phone_number_and_only_its_keyed_hash_is_stored()
    {
        var wanted = await Scenario.ClientAsync(Instructor, Unit, email: "Etsi.Minut@Example.fi", phone: "040 555 1234", name: "Etsitty Henkilö");
        await Scenario.ClientAsync(Instructor, Unit, email: "joku.muu@example.fi", name: "Joku Muu");

        foreach (var query in new[] { "etsi.minut@example.fi", " ETSI.MINUT@example.FI ", "+358405551234", "040-555 1234", "00358405551234" })
        {
            Assert.That(await SearchAsync(Instructor, query), Is.EqualTo(new[] { wanted.Id }), query);
        }

        Assert.That(await SearchAsync(Instructor, "etsi.minut@"), Is.Empty, "no partial match on an address");
        Assert.That(await SearchAsync(Instructor, "0405551"), Is.Empty, "no partial match on a number");
        await using var connection = await App.Service<Database>().OpenAsync();
        var stored = await connection.QuerySingleAsync<(string EmailHash, string PhoneHash)>(
            "SELECT email_hash AS EmailHash, phone_hash AS PhoneHash FROM clients WHERE id = @Id", new { wanted.Id });
        Assert.That(stored.EmailHash, Is.EqualTo(Hmac("email:etsi.minut@example.fi")), "HMAC-SHA256 of the normalised address with the configured key");
        Assert.That(stored.PhoneHash, Is.EqualTo(Hmac("phone:+358405551234")));
        Assert.That(stored.EmailHash, Is.Not.EqualTo(Convert.ToHexStringLower(SHA256.HashData("etsi.minut@example.fi"u8))), "not a plain hash anyone could recompute");
        Assert.That(await Scenario.CountAsync("clients", "email_hash LIKE '%etsi%' OR email_protected LIKE '%etsi%' OR phone_hash LIKE '%555%'"), Is.Zero);
    }

    [Test]
    public async Task Another_units_instructor_does_not_find_the_client_by_email_but_an_admin_does()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "oma@example.fi");
        await Scenario.UnitAsync("instructor-2");
        using var other = Scenario.Instructor("instructor-2");
        using var admin = Scenario.Admin();

        Assert.That(await SearchAsync(other, "oma@example.fi"), Is.Empty);
        Assert.That(await SearchAsync(admin, "oma@example.fi"), Is.EqualTo(new[] { client.Id }));
    }

    [Test]
    public async Task A_changed_address_moves_the_hash_and_erasure_removes_it()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "vanha@example.fi", phone: "0401112222");
        using var changed = await Instructor.PutAsJsonAsync($"/api/clients/{client.Id}", new ClientRequest(client.DisplayName, "uusi@example.fi", null, "fi", Unit, null));
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That(await SearchAsync(Instructor, "vanha@example.fi"), Is.Empty);
        Assert.That(await SearchAsync(Instructor, "0401112222"), Is.Empty, "the phone was removed");
        Assert.That(await SearchAsync(Instructor, "uusi@example.fi"), Is.EqualTo(new[] { client.Id }));

        using var admin = Scenario.Admin();
        using var erased = await admin.PostAsJsonAsync($"/api/clients/{client.Id}/erase", new ClientErasureRequest(client.Id));
        Assert.That(erased.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await SearchAsync(Instructor, "uusi@example.fi"), Is.Empty);
        Assert.That(await Scenario.CountAsync("clients", "id = @Id AND (email_hash IS NOT NULL OR phone_hash IS NOT NULL OR contact_hash_key IS NOT NULL)", new { client.Id }), Is.Zero);
    }

    [Test]
    public async Task A_claimed_badge_makes_the_client_findable_by_the_claimed_address()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit);
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;

        using var claimed = await Anonymous.PostAsJsonAsync("/api/claims", new ClaimRequest(issued.ClaimCode, "Lunastaja@Example.fi"));

        Assert.That(claimed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await claimed.Content.ReadAsStringAsync());
        Assert.That(await SearchAsync(Instructor, "lunastaja@example.fi"), Is.EqualTo(new[] { client.Id }));
    }

    [Test]
    public async Task The_staff_pages_find_a_client_by_phone_number()
    {
        await Scenario.ClientAsync(Instructor, Unit, phone: "+358 50 765 4321", name: "Puhelin Loytyy");
        await Scenario.ClientAsync(Instructor, Unit, phone: "0501234567", name: "Toinen Henkilo");

        var page = await Instructor.GetStringAsync("/staff/clients?q=050%20765%204321");

        Assert.That(page, Does.Contain("Puhelin Loytyy").And.Not.Contain("Toinen Henkilo"));
    }

    [Test]
    public async Task Clients_without_hashes_or_with_an_old_keys_hashes_are_hashed_again_at_start_up()
    {
        var before = await Scenario.ClientAsync(Instructor, Unit, email: "ennen@example.fi");
        var rotated = await Scenario.ClientAsync(Instructor, Unit, phone: "0409998888");
        await using (var connection = await App.Service<Database>().OpenAsync())
        {
            // As migration 0007 leaves rows written before it, and as a changed key leaves every row.
            await connection.ExecuteAsync("UPDATE clients SET email_hash = NULL, contact_hash_key = NULL WHERE id = @Id", new { before.Id });
        }

        var settings = App.Database.Settings();
        foreach (var (name, value) in TestTokens.Settings())
        {
            settings[name] = value;
        }

        settings["ContactLookup:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var restarted = new TestAppOnExistingDatabase(settings);
        using var instructor = restarted.CreateClient().As("instructor-1", Roles.Instructor);

        Assert.That(await SearchAsync(instructor, "ennen@example.fi"), Is.EqualTo(new[] { before.Id }));
        Assert.That(await SearchAsync(instructor, "040 999 8888"), Is.EqualTo(new[] { rotated.Id }));
        Assert.That(await Scenario.CountAsync("clients", "contact_hash_key IS NOT NULL AND email_hash IS NULL AND phone_hash IS NULL"), Is.Zero);
        Assert.That(await Scenario.CountAsync("clients", "contact_hash_key IS NOT NULL AND contact_hash_key <> (SELECT MAX(contact_hash_key) FROM clients)"), Is.Zero, "one key for all");
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'clients.contact-hashed' AND detail LIKE '2 clients%'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Without_a_configured_key_development_and_tests_make_one_readable_by_the_owner_only()
    {
        await using var app = await TestApp.StartAsync();
        var file = Path.Combine(app.Database.DataFolder, "contact-lookup.key");

        Assert.That(Convert.FromBase64String(await File.ReadAllTextAsync(file)), Has.Length.EqualTo(32));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Outside_development_the_service_refuses_to_start_without_a_key(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("osaamismerkit-key-").FullName;
        try
        {
            var settings = ProductionSettings.In(folder);
            settings["ContactLookup:Key"] = null;

            var (exitCode, output) = await ServiceProcess.RunToExitAsync(folder, settings, [], "Production");

            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("ContactLookup:Key must be set outside Development"));
            Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string[]> SearchAsync(HttpClient client, string query)
    {
        var found = await client.GetFromJsonAsync<ClientSummary[]>($"/api/clients?q={Uri.EscapeDataString(query)}");
        return found!.Select(c => c.Id).ToArray();
    }

    private static string Hmac(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(Key), Encoding.UTF8.GetBytes(value)));
}
