using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Math.EC.Rfc8032;
using Osaamismerkit.Credentials.LinkedData;

namespace Osaamismerkit.Tests.Credentials.LinkedData;

/// <summary>
/// The eddsa-rdfc-2022 test vectors of W3C "Data Integrity EdDSA Cryptosuites v1.0" (Appendix, files from
/// w3c/vc-di-eddsa TestVectors/, commit abb673eb9df673e24a8eaf939337de74759b5f8d). Ed25519 is deterministic,
/// so the proofValue must come out byte for byte.
/// </summary>
public sealed class EddsaRdfc2022VectorTests
{
    private static readonly DateTimeOffset Created = new(2023, 2, 24, 23, 36, 38, TimeSpan.Zero);
    private const string VerificationMethod = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

    [Test]
    public void The_unsigned_credential_canonicalises_to_the_vector_N_Quads()
    {
        var canonical = LinkedDataFiles.CanonicalizerWithExamples().ToCanonicalNQuads(LinkedDataFiles.ReadJson("Vectors", "unsigned.json"));

        Assert.That(canonical, Is.EqualTo(LinkedDataFiles.Read("Vectors", "canonDocDataInt.txt")));
        Assert.That(Sha256Hex(canonical), Is.EqualTo(LinkedDataFiles.Read("Vectors", "docHashDataInt.txt").Trim()));
    }

    [Test]
    public void The_proof_configuration_canonicalises_to_the_vector_N_Quads()
    {
        var canonical = LinkedDataFiles.CanonicalizerWithExamples().ToCanonicalNQuads(LinkedDataFiles.ReadJson("Vectors", "proofConfigDataInt.json"));

        Assert.That(canonical, Is.EqualTo(LinkedDataFiles.Read("Vectors", "proofCanonDataInt.txt")));
        Assert.That(Sha256Hex(canonical), Is.EqualTo(LinkedDataFiles.Read("Vectors", "proofHashDataInt.txt").Trim()));
    }

    [Test]
    public void Signing_the_vector_credential_gives_the_vector_hash_data_and_proofValue()
    {
        var keys = Ed25519TestKeys.W3cVector();
        var suite = new EddsaRdfc2022(LinkedDataFiles.CanonicalizerWithExamples());
        byte[]? signedData = null;

        var secured = suite.AddProof(
            LinkedDataFiles.ReadJson("Vectors", "unsigned.json"),
            new DataIntegrityProofOptions(VerificationMethod, Created),
            data =>
            {
                signedData = data;
                return keys.Sign(data);
            });

        Assert.That(Convert.ToHexStringLower(signedData!), Is.EqualTo(LinkedDataFiles.Read("Vectors", "combinedHashDataInt.txt").Trim()));
        Assert.That(secured["proof"]!["proofValue"]!.GetValue<string>(), Is.EqualTo(LinkedDataFiles.Read("Vectors", "sigBTC58DataInt.txt").Trim()));
        Assert.That(JsonNode.DeepEquals(secured, LinkedDataFiles.ReadJson("Vectors", "signedDataInt.json")), Is.True, secured.ToJsonString());
    }

    [Test]
    public void The_vector_signed_credential_verifies_with_the_vector_public_key()
    {
        var keys = Ed25519TestKeys.W3cVector();
        var suite = new EddsaRdfc2022(LinkedDataFiles.CanonicalizerWithExamples());

        var check = suite.Verify(LinkedDataFiles.ReadJson("Vectors", "signedDataInt.json"), vm => vm == VerificationMethod ? keys.PublicKey : null);

        Assert.That(check, Is.EqualTo(ProofCheck.Passed));
    }

    [Test]
    public void The_vector_signature_in_hex_is_the_base58_proofValue()
    {
        var signature = Base58Btc.Decode(LinkedDataFiles.Read("Vectors", "sigBTC58DataInt.txt").Trim()[1..]);

        Assert.That(Convert.ToHexStringLower(signature), Is.EqualTo(LinkedDataFiles.Read("Vectors", "sigHexDataInt.txt").Trim()));
        Assert.That(signature, Has.Length.EqualTo(Ed25519.SignatureSize));
    }

    [Test]
    public void The_vector_public_key_round_trips_through_Multikey()
    {
        var keys = Ed25519TestKeys.W3cVector();
        var derived = new byte[32];
        Ed25519.GeneratePublicKey(keys.PrivateKey, 0, derived, 0);

        Assert.That(derived, Is.EqualTo(keys.PublicKey), "the vector's private key belongs to its public key");
        Assert.That(Ed25519Multikey.Encode(keys.PublicKey), Is.EqualTo("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"));
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
