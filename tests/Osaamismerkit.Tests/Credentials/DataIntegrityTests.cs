using System.Text.Json.Nodes;
using Osaamismerkit.Credentials.Keys;
using Osaamismerkit.Infrastructure.Auditing;

namespace Osaamismerkit.Tests.Credentials;

/// <summary>Every issued badge is also a credential with an eddsa-rdfc-2022 proof that Digital Bazaar's verifier accepts.</summary>
public sealed class DataIntegrityTests : CredentialTestBase
{
    [Test]
    public async Task An_issued_badge_with_its_Data_Integrity_proof_passes_digitalbazaar_vc()
    {
        var (_, badge) = await IssueAsync();

        var credential = await CredentialWithProofAsync(badge);
        var answer = await VerifyDataIntegrityAsync(credential);

        Assert.That(CredentialCheck.Valid(answer), Is.True, CredentialCheck.Describe(answer));
        Assert.That(credential["proof"]![0]!["cryptosuite"]!.GetValue<string>(), Is.EqualTo("eddsa-rdfc-2022"));
    }

    [Test]
    public async Task A_tampered_credential_fails_digitalbazaar_vc()
    {
        var (_, badge) = await IssueAsync();
        var credential = await CredentialWithProofAsync(badge);
        credential["credentialSubject"]!["achievement"]!["name"] = "Jotain muuta";

        var answer = await VerifyDataIntegrityAsync(credential);

        Assert.That(CredentialCheck.Valid(answer), Is.False, CredentialCheck.Describe(answer));
    }

    [Test]
    public async Task A_proof_by_a_key_the_DID_document_does_not_list_fails_digitalbazaar_vc()
    {
        var (_, badge) = await IssueAsync();
        var credential = await CredentialWithProofAsync(badge);
        var did = await DidDocumentAsync();
        // A foreign key under our key's id: the verifier must check the signature against the key it resolves.
        var foreign = new CredentialKey(new Org.BouncyCastle.Crypto.Parameters.Ed25519PrivateKeyParameters(new Org.BouncyCastle.Security.SecureRandom()));
        foreach (var method in did["verificationMethod"]!.AsArray())
        {
            if (method!["type"]!.GetValue<string>() == "Multikey")
            {
                method["publicKeyMultibase"] = foreign.PublicKeyMultibase;
            }
        }

        var answer = await VerifyDataIntegrityAsync(credential, did);

        Assert.That(CredentialCheck.Valid(answer), Is.False, CredentialCheck.Describe(answer));
    }

    [Test]
    public async Task A_revoked_badge_fails_digitalbazaar_vc_through_the_signed_status_list()
    {
        var (_, badge) = await IssueAsync();
        var credential = await CredentialWithProofAsync(badge);
        Assert.That(CredentialCheck.Valid(await VerifyDataIntegrityAsync(credential)), Is.True, "valid before the revocation");

        await RevokeAsync(badge, "issued_in_error");
        var answer = await VerifyDataIntegrityAsync(credential);

        Assert.Multiple(() =>
        {
            Assert.That(CredentialCheck.Valid(answer), Is.False, CredentialCheck.Describe(answer));
            Assert.That(answer["revoked"]!.GetValue<bool>(), Is.True, CredentialCheck.Describe(answer));
        });
    }

    [Test]
    public async Task A_credential_signed_before_a_key_rotation_still_verifies_after_it()
    {
        var (_, badge) = await IssueAsync();
        var before = await CredentialWithProofAsync(badge);

        var store = App.Service<CredentialKeyStore>();
        var old = store.Current.Id;
        await store.RotateAsync(Actor.System);
        var after = await CredentialWithProofAsync(badge);

        Assert.Multiple(async () =>
        {
            Assert.That(after["proof"]![0]!["verificationMethod"]!.GetValue<string>(), Does.Not.EndWith("#" + old));
            Assert.That(CredentialCheck.Valid(await VerifyDataIntegrityAsync(before)), Is.True, "signed with the retired key");
            Assert.That(CredentialCheck.Valid(await VerifyDataIntegrityAsync(after)), Is.True, "signed with the new key");
        });
    }
}
