using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Issuing;

public sealed class RevocationTests : IssuingTestBase
{
    [Test]
    public async Task Revoking_lists_the_assertion_with_its_reason_at_once_and_keeps_the_row()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "r@example.fi");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;
        var audit = await Scenario.CountAsync("audit_log");

        using var response = await Instructor.PostAsJsonAsync($"/api/assertions/{issued.AssertionId}/revoke", new RevokeRequest(RevocationReasons.IssuedInError));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var list = await Scenario.JsonAsync(Anonymous, "/ob/revocations");
        var entry = list.GetProperty("revokedAssertions").EnumerateArray().Single(r => r.GetProperty("id").GetString() != ObDocuments.NoAssertion);
        Assert.That(entry.GetProperty("id").GetString(), Is.EqualTo("urn:uuid:" + issued.AssertionId));
        Assert.That(entry.GetProperty("revocationReason").GetString(), Is.EqualTo("Merkki myönnettiin virheellisesti."));
        Assert.That(list.GetProperty("issuer").GetString(), Is.EqualTo((await Scenario.JsonAsync(Anonymous, "/ob/issuer")).GetProperty("id").GetString()));
        Assert.That(await Scenario.CountAsync("assertions"), Is.EqualTo(1), "revocation never deletes");
        Assert.That(await Scenario.CountAsync("audit_log") - audit, Is.EqualTo(1));

        var badges = await Instructor.GetFromJsonAsync<List<ClientBadge>>($"/api/clients/{client.Id}/badges");
        Assert.That(badges!.Single().Status, Is.EqualTo(AssertionStatus.Revoked));
        Assert.That(badges!.Single().RevocationReason, Is.EqualTo(RevocationReasons.IssuedInError));
    }

    [Test]
    public async Task The_revocation_list_stays_a_list_for_validators_that_loop_over_a_compacted_one_entry_list()
    {
        // The official OB 2.0 validator compacts the list with JSON-LD (a one-entry array becomes a bare object) and then
        // loops over it: over an object it meets only the keys and calls a revoked badge "not revoked".
        var first = await Scenario.ClientAsync(Instructor, Unit, email: "one@example.fi");
        var second = await Scenario.ClientAsync(Instructor, Unit, email: "two@example.fi");
        var a = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, first.Id, Unit))).Badge!;
        var b = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, second.Id, Unit))).Badge!;

        Assert.That(await RevokedIdsAsync(), Is.Empty, "nothing revoked, nothing listed");

        (await Instructor.PostAsJsonAsync($"/api/assertions/{a.AssertionId}/revoke", new RevokeRequest(RevocationReasons.IssuedInError))).EnsureSuccessStatusCode();
        Assert.That(await RevokedIdsAsync(), Is.EqualTo(new[] { "urn:uuid:" + a.AssertionId, ObDocuments.NoAssertion }),
            "one revocation is listed with an id no badge has beside it, so the list never compacts to one object");
        var extra = Guid.Parse(ObDocuments.NoAssertion["urn:uuid:".Length..]);
        Assert.That(extra.Version, Is.EqualTo(5), "issued assertions get version-4 ids, so none can be this one");
        using (var none = await Anonymous.GetAsync($"/ob/assertions/{extra}"))
        {
            Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the extra id names no badge");
        }

        (await Instructor.PostAsJsonAsync($"/api/assertions/{b.AssertionId}/revoke", new RevokeRequest(RevocationReasons.IssuedInError))).EnsureSuccessStatusCode();
        Assert.That(await RevokedIdsAsync(), Is.EquivalentTo(new[] { "urn:uuid:" + a.AssertionId, "urn:uuid:" + b.AssertionId }),
            "two real entries need no extra one");
    }

    private async Task<string?[]> RevokedIdsAsync() =>
        (await Scenario.JsonAsync(Anonymous, "/ob/revocations")).GetProperty("revokedAssertions").EnumerateArray()
            .Select(r => r.GetProperty("id").GetString()).ToArray();

    [Test]
    public async Task Revoking_twice_is_a_conflict_and_writes_nothing()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "s@example.fi");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;
        using var first = await Instructor.PostAsJsonAsync($"/api/assertions/{issued.AssertionId}/revoke", new RevokeRequest("virhe"));
        var audit = await Scenario.CountAsync("audit_log");

        using var second = await Instructor.PostAsJsonAsync($"/api/assertions/{issued.AssertionId}/revoke", new RevokeRequest("virhe"));
        using var empty = await Instructor.PostAsJsonAsync($"/api/assertions/{issued.AssertionId}/revoke", new RevokeRequest("  "));

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Scenario.CountAsync("audit_log"), Is.EqualTo(audit));
    }

    [Test]
    public async Task An_instructor_of_another_unit_cannot_revoke()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "t@example.fi");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;
        await Scenario.UnitAsync("instructor-2");
        using var other = Scenario.Instructor("instructor-2");

        using var response = await other.PostAsJsonAsync($"/api/assertions/{issued.AssertionId}/revoke", new RevokeRequest("ei oikeutta"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Scenario.CountAsync("assertions", "revoked_at IS NOT NULL"), Is.Zero);
    }

    [Test]
    public async Task A_badge_with_a_validity_period_expires_and_can_be_renewed()
    {
        var expiring = Scenario.Catalogue.Badges.First(b => b.ValidityMonths is not null && b.PrerequisiteIds.Count == 0);
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "u@example.fi");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(expiring, client.Id, Unit))).Badge!;

        var json = JsonDocument.Parse(await Anonymous.GetStringAsync(issued.JsonUrl)).RootElement;
        Assert.That(json.GetProperty("expires").GetString(), Is.EqualTo(AssertionIssuer.Timestamp(App.Clock.GetUtcNow().AddMonths(expiring.ValidityMonths!.Value))));

        App.Clock.Advance(TimeSpan.FromDays((31 * expiring.ValidityMonths.Value) + 1));
        var badges = await Instructor.GetFromJsonAsync<List<ClientBadge>>($"/api/clients/{client.Id}/badges");
        Assert.That(badges!.Single().Status, Is.EqualTo(AssertionStatus.Expired));

        var renewal = Scenario.Passing(expiring, client.Id, Unit) with { DemonstratedOn = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        var renewed = (await Scenario.PassAsync(Instructor, renewal)).Badge!;
        badges = await Instructor.GetFromJsonAsync<List<ClientBadge>>($"/api/clients/{client.Id}/badges");
        Assert.That(badges!.Single(b => b.AssertionId == renewed.AssertionId).Status, Is.EqualTo(AssertionStatus.Valid));
        Assert.That(badges!.Single(b => b.AssertionId == issued.AssertionId).RevocationReason, Is.EqualTo("superseded by renewal"));
    }

    [Test]
    public async Task After_key_rotation_new_assertions_use_the_new_key_and_old_ones_still_verify()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "v@example.fi");
        var other = Scenario.Catalogue.Badges.Where(b => b.Kind == BadgeKind.Skill && b.Level == 2 && b.ValidityMonths is null).Skip(1).First();
        var before = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;
        using var admin = Scenario.Admin();

        using var rotate = await admin.PostAsync("/api/admin/signing-keys/rotate", null);
        var newKey = (await rotate.Content.ReadFromJsonAsync<SigningKeyView>())!;
        var after = (await Scenario.PassAsync(Instructor, Scenario.Passing(other, client.Id, Unit))).Badge!;

        Assert.That(rotate.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Scenario.JsonAsync(Anonymous, "/ob/issuer")).GetProperty("publicKey").GetString(), Is.EqualTo(newKey.Url));
        foreach (var (issued, expectNewKey) in new[] { (before, false), (after, true) })
        {
            var jws = await Anonymous.GetStringAsync(issued.JwsUrl);
            var creator = JsonDocument.Parse(IndependentJwsVerifier.Payload(jws)).RootElement.GetProperty("verification").GetProperty("creator").GetString()!;
            Assert.That(creator == newKey.Url, Is.EqualTo(expectNewKey));
            var pem = (await Scenario.JsonAsync(Anonymous, creator)).GetProperty("publicKeyPem").GetString()!;
            Assert.That(IndependentJwsVerifier.Verify(jws, pem), Is.True);
        }

        Assert.That(await Scenario.CountAsync("audit_log", "action = 'signing-key.rotated'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Only_admins_rotate_keys()
    {
        using var response = await Instructor.PostAsync("/api/admin/signing-keys/rotate", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public void The_development_key_file_is_readable_only_by_its_owner()
    {
        var keyFolder = App.Service<Osaamismerkit.Infrastructure.Signing.SigningKeyStore>().KeyFolder;
        var file = Directory.GetFiles(keyFolder, "*.pem").Single();
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes only.");
        }
        else
        {
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }
}
