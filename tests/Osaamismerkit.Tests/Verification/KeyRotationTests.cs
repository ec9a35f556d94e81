using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Osaamismerkit.Assessments;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Signing;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Tests.Support;
using Osaamismerkit.Verification;

namespace Osaamismerkit.Tests.Verification;

/// <summary>
/// Badges outlive key rotation in the official validator: it follows assertion → badge → issuer and refuses the
/// assertion unless the issuer profile's one publicKey is the key named by verification.creator (VERIFY_KEY_OWNERSHIP).
/// </summary>
public sealed class KeyRotationTests : PublicPagesTestBase
{
    [Test]
    public async Task After_two_rotations_every_earlier_badge_is_owned_by_its_issuer_profile_and_verifies()
    {
        var issued = new List<IssuedBadge>();
        var (clientId, first) = await IssueAsync();
        issued.Add(first);
        issued.Add((await IssueAsync(email: null)).Badge);
        using var admin = Scenario.Admin();
        foreach (var round in new[] { 1, 2 })
        {
            using var rotate = await admin.PostAsync("/api/admin/signing-keys/rotate", null);
            Assert.That(rotate.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"rotation {round}");
            issued.Add(await IssueToAsync(clientId, Scenario.Catalogue.Badges.Where(b => b.Kind == Osaamismerkit.Catalogue.BadgeKind.Skill && b.PrerequisiteIds.Count == 0 && b.Id != BasicBadge.Id).Skip(round).First()));
        }

        foreach (var badge in issued)
        {
            var jws = await Anonymous.GetStringAsync(badge.JwsUrl);
            await AssertValidatorAcceptsAsync(jws);
            await AssertWeSayValidAsync(badge, jws);
        }

        Assert.That(await Scenario.CountAsync("signing_keys"), Is.EqualTo(3));
    }

    [Test]
    public async Task A_badge_issued_before_key_generations_is_signed_again_on_rotation_and_its_old_copy_still_verifies_with_us()
    {
        var (_, badge) = await IssueAsync();
        var legacyJws = await MakeLegacyAsync(badge);
        await AssertValidatorAcceptsAsync(legacyJws);
        using var admin = Scenario.Admin();

        using var rotate = await admin.PostAsync("/api/admin/signing-keys/rotate", null);
        var afterFirst = await Anonymous.GetStringAsync(badge.JwsUrl);
        using var again = await admin.PostAsync("/api/admin/signing-keys/rotate", null);
        var afterSecond = await Anonymous.GetStringAsync(badge.JwsUrl);

        Assert.That(afterFirst, Is.Not.EqualTo(legacyJws));
        Assert.That(afterSecond, Is.EqualTo(afterFirst), "bound to its generation, a second rotation leaves it alone");
        await AssertValidatorAcceptsAsync(afterSecond);
        await AssertWeSayValidAsync(badge, afterSecond);
        using var oldCopy = await Anonymous.PostAsJsonAsync("/api/verify", new VerifyRequest(legacyJws));
        Assert.That(JsonDocument.Parse(await oldCopy.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString(), Is.EqualTo("valid"));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'assertions.resigned'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_copy_signed_by_our_key_but_with_other_content_stays_signature_invalid()
    {
        var (_, badge) = await IssueAsync();
        var payload = JsonNode.Parse(IndependentJwsVerifier.Payload(await Anonymous.GetStringAsync(badge.JwsUrl)))!.AsObject();
        payload["issuedOn"] = "2020-01-01T00:00:00+00:00";
        var forged = JwsSigner.Sign(payload.ToJsonString(ObJson.Options), App.Service<SigningKeyStore>().Current);
        using var admin = Scenario.Admin();
        using var rotate = await admin.PostAsync("/api/admin/signing-keys/rotate", null);

        using var response = await Anonymous.PostAsJsonAsync("/api/verify", new VerifyRequest(forged));

        Assert.That(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString(), Is.EqualTo("signature-invalid"));
    }

    [Test]
    public async Task An_unknown_key_has_no_issuer_profile_and_no_badge_class()
    {
        using var issuer = await Anonymous.GetAsync("/ob/issuers/k0000000000000000");
        using var badgeClass = await Anonymous.GetAsync($"/ob/badges/{BasicBadge.Id}/{BasicBadge.Version}/k0000000000000000");

        Assert.That(issuer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(badgeClass.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    /// <summary>What the validator's VERIFY_KEY_OWNERSHIP and signature tasks do, by following the published documents.</summary>
    private async Task AssertValidatorAcceptsAsync(string jws)
    {
        var assertion = JsonDocument.Parse(IndependentJwsVerifier.Payload(jws)).RootElement;
        var creator = assertion.GetProperty("verification").GetProperty("creator").GetString()!;
        var badgeClass = await Scenario.JsonAsync(Anonymous, assertion.GetProperty("badge").GetString()!);
        var issuer = await Scenario.JsonAsync(Anonymous, badgeClass.GetProperty("issuer").GetString()!);
        var key = await Scenario.JsonAsync(Anonymous, creator);

        Assert.That(issuer.GetProperty("publicKey").ValueKind, Is.EqualTo(JsonValueKind.String), "one publicKey per profile");
        Assert.That(issuer.GetProperty("publicKey").GetString(), Is.EqualTo(creator), "the issuer profile owns the signing key");
        Assert.That(IndependentJwsVerifier.Verify(jws, key.GetProperty("publicKeyPem").GetString()!), Is.True);
        Assert.That(await Scenario.JsonAsync(Anonymous, issuer.GetProperty("revocationList").GetString()!), Is.Not.Null);
    }

    private async Task AssertWeSayValidAsync(IssuedBadge badge, string jws)
    {
        var shortId = ShortIdOf(badge);
        var api = await Scenario.JsonAsync(Anonymous, $"/api/verify/{shortId}");
        using var presented = await Anonymous.PostAsJsonAsync("/api/verify", new VerifyRequest(jws));
        using var png = await Anonymous.GetAsync($"/b/{shortId}/badge.png");
        var baked = PngBadge.Extract(await png.Content.ReadAsByteArrayAsync());
        var page = await Anonymous.GetStringAsync($"/b/{shortId}");

        Assert.That(api.GetProperty("status").GetString(), Is.EqualTo("valid"));
        Assert.That(JsonDocument.Parse(await presented.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString(), Is.EqualTo("valid"));
        Assert.That(baked, Is.EqualTo(jws), "the holder's download carries the current signature");
        Assert.That(page, Does.Contain("class=\"status status--valid\""));
    }

    /// <summary>Rewrites a stored assertion as this service issued it before key generations: BadgeClass without a key.</summary>
    private async Task<string> MakeLegacyAsync(IssuedBadge badge)
    {
        var key = App.Service<SigningKeyStore>().Current;
        var payload = JsonNode.Parse(IndependentJwsVerifier.Payload(await Anonymous.GetStringAsync(badge.JwsUrl)))!.AsObject();
        var badgeUrl = payload["badge"]!.GetValue<string>();
        payload["badge"] = badgeUrl.Replace("/" + key.Id, string.Empty, StringComparison.Ordinal);
        var json = payload.ToJsonString(ObJson.Options);
        var jws = JwsSigner.Sign(json, key);
        await using var connection = await App.Service<Database>().OpenAsync();
        await connection.ExecuteAsync("UPDATE assertions SET assertion_json = @Json, jws = @Jws WHERE id = @Id", new { Json = json, Jws = jws, Id = badge.AssertionId });
        Assert.That(payload["badge"]!.GetValue<string>(), Does.Not.Contain(key.Id));
        return jws;
    }
}
