using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Credentials;

/// <summary>Every issued badge is also an Open Badges 3.0 VC-JWT that panva's jose verifies from the published DID document.</summary>
public sealed class VcJwtTests : CredentialTestBase
{
    [Test]
    public async Task An_issued_badge_is_a_VC_JWT_that_jose_verifies_from_the_DID_document()
    {
        var (_, badge) = await IssueAsync();

        var answer = await VerifyJwtAsync(await JwtAsync(badge));

        Assert.That(CredentialCheck.Valid(answer), Is.True, CredentialCheck.Describe(answer));
        var payload = answer["payload"]!;
        Assert.Multiple(() =>
        {
            Assert.That(payload["iss"]!.GetValue<string>(), Is.EqualTo("did:web:localhost"));
            Assert.That(payload["jti"]!.GetValue<string>(), Is.EqualTo("urn:uuid:" + badge.AssertionId));
            Assert.That(payload["type"]!.AsArray().Select(t => t!.GetValue<string>()), Does.Contain("OpenBadgeCredential"));
            Assert.That(payload["credentialSubject"]!["achievement"]!["name"]!.GetValue<string>(), Is.EqualTo(BasicBadge.Name.In("fi")));
            Assert.That(payload["evidence"]![0]!["narrative"]!.GetValue<string>(), Is.EqualTo("Kirjautui itse ja löysi tiedot."));
        });
    }

    [Test]
    public async Task A_milestone_and_an_expiring_badge_are_credentials_too_with_validUntil()
    {
        var (_, expiring) = await IssueAsync(badge: ExpiringBadge);
        var clientId = (await Scenario.ClientAsync(Instructor, Unit, email: "second@example.fi")).Id;
        var milestone = Scenario.Catalogue.Badges.First(b => b.Kind == BadgeKind.Milestone && b.PartIds.All(p => Scenario.Catalogue.Find(p)!.PrerequisiteIds.Count == 0));
        Osaamismerkit.Assessments.IssuedBadge? milestoneBadge = null;
        foreach (var part in milestone.PartIds.Select(p => Scenario.Catalogue.Find(p)!))
        {
            var result = await Scenario.PassAsync(Instructor, Scenario.Passing(part, clientId, Unit));
            milestoneBadge ??= result.Milestones.FirstOrDefault(m => m.BadgeId == milestone.Id);
        }

        Assert.That(milestoneBadge, Is.Not.Null, "the milestone was issued");
        var expiringAnswer = await VerifyJwtAsync(await JwtAsync(expiring));
        var milestoneAnswer = await VerifyJwtAsync(await JwtAsync(milestoneBadge!));

        Assert.Multiple(() =>
        {
            Assert.That(CredentialCheck.Valid(expiringAnswer), Is.True, CredentialCheck.Describe(expiringAnswer));
            Assert.That(expiringAnswer["payload"]!["validUntil"], Is.Not.Null);
            Assert.That(expiringAnswer["payload"]!["exp"], Is.Not.Null);
            Assert.That(CredentialCheck.Valid(milestoneAnswer), Is.True, CredentialCheck.Describe(milestoneAnswer));
        });
    }

    [Test]
    public async Task A_tampered_VC_JWT_fails_in_jose()
    {
        var (_, badge) = await IssueAsync();
        var parts = (await JwtAsync(badge)).Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload["credentialSubject"]!["achievement"]!["name"] = "Jotain muuta";
        var tampered = parts[0] + "." + Base64UrlEncoder.Encode(payload.ToJsonString()) + "." + parts[2];

        var answer = await VerifyJwtAsync(tampered);

        Assert.That(CredentialCheck.Valid(answer), Is.False);
        Assert.That(answer["problem"]!.GetValue<string>(), Does.Contain("ERR_JWS_SIGNATURE_VERIFICATION_FAILED"));
    }

    [Test]
    public async Task A_VC_JWT_signed_by_a_foreign_key_in_our_name_fails_in_jose()
    {
        var (_, badge) = await IssueAsync();
        var parts = (await JwtAsync(badge)).Split('.');
        using var foreign = RSA.Create(2048);
        var signature = foreign.SignData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        var answer = await VerifyJwtAsync(parts[0] + "." + parts[1] + "." + Base64UrlEncoder.Encode(signature));

        Assert.That(CredentialCheck.Valid(answer), Is.False);
    }

    [Test]
    public async Task A_revoked_badge_fails_in_the_jose_check_by_its_status_list_bit()
    {
        var (_, badge) = await IssueAsync();
        var jwt = await JwtAsync(badge);
        Assert.That(CredentialCheck.Valid(await VerifyJwtAsync(jwt)), Is.True, "valid before the revocation");

        await RevokeAsync(badge, "issued_in_error");
        var answer = await VerifyJwtAsync(jwt);

        Assert.Multiple(() =>
        {
            Assert.That(CredentialCheck.Valid(answer), Is.False);
            Assert.That(answer["revoked"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public async Task Every_issued_credential_passes_the_1EdTech_Open_Badges_3_JSON_Schema()
    {
        var (clientId, badge) = await IssueAsync();
        var expiring = await IssueToAsync(clientId, ExpiringBadge);
        foreach (var issued in new[] { badge, expiring })
        {
            var credential = (await VerifyJwtAsync(await JwtAsync(issued)))["payload"]!.AsObject();
            var fromJwt = await CheckSchemaAsync(credential);
            var withProof = await CheckSchemaAsync(await CredentialWithProofAsync(issued));

            Assert.That(CredentialCheck.Valid(fromJwt), Is.True, CredentialCheck.Describe(fromJwt));
            Assert.That(CredentialCheck.Valid(withProof), Is.True, CredentialCheck.Describe(withProof));
        }
    }

    [TestCase("issuer")]
    [TestCase("validFrom")]
    [TestCase("credentialSubject")]
    public async Task A_credential_without_a_required_field_fails_the_1EdTech_schema(string field)
    {
        var (_, badge) = await IssueAsync();
        var credential = await CredentialWithProofAsync(badge);
        Assert.That(CredentialCheck.Valid(await CheckSchemaAsync(credential)), Is.True, "the whole credential passes");
        credential.Remove(field);

        var answer = await CheckSchemaAsync(credential);

        Assert.That(CredentialCheck.Valid(answer), Is.False);
        Assert.That(CredentialCheck.Describe(answer), Does.Contain(field));
    }

    /// <summary>ajv's answer; skipped with the reason where the schema file is not on this machine (see its README).</summary>
    private static async Task<JsonObject> CheckSchemaAsync(JsonObject credential)
    {
        var answer = await CredentialCheck.RunAsync("check-schema.mjs", new JsonObject { ["credential"] = credential.DeepClone() });
        if (answer["missingSchema"] is { } missing)
        {
            Assert.Ignore($"The 1EdTech schema is not at {missing}: see tools/credential-check/schema/README.md.");
        }

        return answer;
    }
}
