using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Osaamismerkit.Assessments;
using Osaamismerkit.Tests.Credentials;

namespace Osaamismerkit.Tests.Verification;

/// <summary>/api/verify takes an Open Badges 3.0 credential — a VC-JWT or JSON with its Data Integrity proof — and answers as for OB 2.0.</summary>
public sealed class Ob3VerifyTests : CredentialTestBase
{
    [Test]
    public async Task A_VC_JWT_and_a_Data_Integrity_credential_verify_as_valid()
    {
        var (_, badge) = await IssueAsync();

        var fromJwt = await VerifyAsync(new StringContent(await JwtAsync(badge), Encoding.ASCII, "application/jwt"));
        var fromJson = await VerifyAsync(JsonContent.Create(await CredentialWithProofAsync(badge)));
        var wrapped = await VerifyAsync(JsonContent.Create(new JsonObject { ["credential"] = await CredentialWithProofAsync(badge) }));

        Assert.Multiple(() =>
        {
            Assert.That(fromJwt.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fromJwt.Body["status"]!.GetValue<string>(), Is.EqualTo("valid"));
            Assert.That(fromJwt.Body["assertionId"]!.GetValue<string>(), Is.EqualTo(badge.AssertionId));
            Assert.That(fromJson.Body["status"]!.GetValue<string>(), Is.EqualTo("valid"));
            Assert.That(wrapped.Body["status"]!.GetValue<string>(), Is.EqualTo("valid"));
        });
    }

    [Test]
    public async Task A_revoked_badge_is_revoked_in_both_OB3_forms()
    {
        var (_, badge) = await IssueAsync();
        var jwt = await JwtAsync(badge);
        var json = await CredentialWithProofAsync(badge);

        await RevokeAsync(badge, "issued_in_error");

        var fromJwt = await VerifyAsync(new StringContent(jwt));
        var fromJson = await VerifyAsync(JsonContent.Create(json));

        Assert.That(fromJwt.Body["status"]!.GetValue<string>(), Is.EqualTo("revoked"));
        Assert.That(fromJson.Body["status"]!.GetValue<string>(), Is.EqualTo("revoked"));
    }

    [Test]
    public async Task An_expired_badge_is_expired_in_both_OB3_forms()
    {
        var (_, badge) = await IssueAsync(badge: ExpiringBadge);
        var jwt = await JwtAsync(badge);
        var json = await CredentialWithProofAsync(badge);

        App.Clock.Advance(TimeSpan.FromDays((ExpiringBadge.ValidityMonths!.Value * 31) + 1));

        var fromJwt = await VerifyAsync(new StringContent(jwt));
        var fromJson = await VerifyAsync(JsonContent.Create(json));
        Assert.That(fromJwt.Body["status"]!.GetValue<string>(), Is.EqualTo("expired"));
        Assert.That(fromJson.Body["status"]!.GetValue<string>(), Is.EqualTo("expired"));
    }

    [Test]
    public async Task A_tampered_OB3_credential_is_signature_invalid()
    {
        var (_, badge) = await IssueAsync();
        var parts = (await JwtAsync(badge)).Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload["credentialSubject"]!["achievement"]!["name"] = "Jotain muuta";
        var tamperedJwt = parts[0] + "." + Base64UrlEncoder.Encode(payload.ToJsonString()) + "." + parts[2];
        var json = await CredentialWithProofAsync(badge);
        json["validFrom"] = "2020-01-01T00:00:00Z";

        var fromJwt = await VerifyAsync(new StringContent(tamperedJwt));
        var fromJson = await VerifyAsync(JsonContent.Create(json));

        Assert.That(fromJwt.Body["status"]!.GetValue<string>(), Is.EqualTo("signature-invalid"));
        Assert.That(fromJson.Body["status"]!.GetValue<string>(), Is.EqualTo("signature-invalid"));
    }

    [Test]
    public async Task An_OB3_credential_signed_by_a_foreign_key_or_naming_a_foreign_issuer_is_signature_invalid()
    {
        var (_, badge) = await IssueAsync();
        var parts = (await JwtAsync(badge)).Split('.');
        using var foreign = RSA.Create(2048);
        var signature = foreign.SignData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var json = await CredentialWithProofAsync(badge);
        json["proof"]![0]!["verificationMethod"] = "did:web:attacker.example#key-1";

        var fromJwt = await VerifyAsync(new StringContent(parts[0] + "." + parts[1] + "." + Base64UrlEncoder.Encode(signature)));
        var fromJson = await VerifyAsync(JsonContent.Create(json));

        Assert.That(fromJwt.Body["status"]!.GetValue<string>(), Is.EqualTo("signature-invalid"));
        Assert.That(fromJson.Body["status"]!.GetValue<string>(), Is.EqualTo("signature-invalid"));
    }

    [Test]
    public async Task An_OB3_credential_naming_no_badge_of_ours_is_unknown()
    {
        var (_, badge) = await IssueAsync();
        var json = await CredentialWithProofAsync(badge);
        json["id"] = "urn:uuid:" + Guid.NewGuid();

        var answer = await VerifyAsync(JsonContent.Create(json));

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> VerifyAsync(HttpContent content)
    {
        using var response = await Anonymous.PostAsync("/api/verify", content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
