using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>
/// The eddsa-rdfc-2022 cryptosuite of W3C "Data Integrity EdDSA Cryptosuites v1.0" §3.3: the document and the
/// proof configuration are each canonicalised with RDFC-1.0 and hashed with SHA-256, the two hashes
/// (configuration first) are signed with Ed25519, and the signature is the base58btc multibase proofValue.
/// </summary>
public sealed class EddsaRdfc2022
{
    public const string ProofType = "DataIntegrityProof";
    public const string Cryptosuite = "eddsa-rdfc-2022";

    private readonly JsonLdCanonicalizer _canonicalizer;

    public EddsaRdfc2022(JsonLdCanonicalizer canonicalizer)
    {
        _canonicalizer = canonicalizer;
    }

    /// <summary>
    /// A copy of the document with an embedded <c>proof</c>. <paramref name="signEd25519"/> signs the 64-byte
    /// hash data with the issuer's key, so the private key never has to reach this class.
    /// </summary>
    public JsonObject AddProof(JsonObject unsecuredDocument, DataIntegrityProofOptions options, Func<byte[], byte[]> signEd25519)
    {
        ArgumentNullException.ThrowIfNull(unsecuredDocument);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(signEd25519);
        if (unsecuredDocument.ContainsKey("proof"))
        {
            throw new ArgumentException("The document already has a proof; proof sets and chains are not supported.", nameof(unsecuredDocument));
        }

        var proof = new JsonObject
        {
            ["type"] = ProofType,
            ["cryptosuite"] = Cryptosuite,
            ["created"] = options.Created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["verificationMethod"] = options.VerificationMethod,
            ["proofPurpose"] = options.ProofPurpose,
        };

        var hashData = HashData(unsecuredDocument, ProofConfiguration(proof, unsecuredDocument["@context"]));
        var signature = signEd25519(hashData);
        if (signature.Length != Ed25519.SignatureSize)
        {
            throw new InvalidOperationException("An Ed25519 signature is 64 bytes.");
        }

        proof["proofValue"] = "z" + Base58Btc.Encode(signature);
        var secured = (JsonObject)unsecuredDocument.DeepClone();
        secured["proof"] = proof;
        return secured;
    }

    /// <summary>
    /// Checks the embedded proof (§3.3.2 Verify Proof). Never throws for a bad document: every failure is a
    /// <see cref="ProofCheck"/> with a short reason. The proof purpose must be assertionMethod; whether the
    /// verification method may assert for the issuer is the caller's check, through the key lookup.
    /// </summary>
    public ProofCheck Verify(JsonObject securedDocument, Func<string, byte[]?> publicKeyForVerificationMethod)
    {
        ArgumentNullException.ThrowIfNull(securedDocument);
        ArgumentNullException.ThrowIfNull(publicKeyForVerificationMethod);
        // One proof, as an object or as a set of one (the form Open Badges 3.0's JSON schema requires): the same graph.
        var proof = securedDocument["proof"] switch
        {
            JsonObject single => single,
            JsonArray { Count: 1 } set => set[0] as JsonObject,
            _ => null,
        };
        if (proof is null)
        {
            return ProofCheck.Failed(securedDocument["proof"] is JsonArray ? "proof sets are not supported" : "no proof");
        }

        if (Text(proof, "type") != ProofType || Text(proof, "cryptosuite") != Cryptosuite)
        {
            return ProofCheck.Failed("unsupported proof type or cryptosuite");
        }

        if (Text(proof, "proofPurpose") != "assertionMethod")
        {
            return ProofCheck.Failed("proof purpose is not assertionMethod");
        }

        if (Text(proof, "created") is { } created && !DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return ProofCheck.Failed("created is not a date and time");
        }

        var proofValue = Text(proof, "proofValue");
        if (proofValue is null || !proofValue.StartsWith('z'))
        {
            return ProofCheck.Failed("proofValue is not base58btc multibase");
        }

        byte[] signature;
        try
        {
            signature = Base58Btc.Decode(proofValue[1..]);
        }
        catch (FormatException)
        {
            return ProofCheck.Failed("proofValue is not base58btc multibase");
        }

        if (signature.Length != Ed25519.SignatureSize)
        {
            return ProofCheck.Failed("signature is not 64 bytes");
        }

        var verificationMethod = Text(proof, "verificationMethod");
        if (verificationMethod is null)
        {
            return ProofCheck.Failed("no verification method");
        }

        var publicKey = publicKeyForVerificationMethod(verificationMethod);
        if (publicKey is null)
        {
            return ProofCheck.Failed("unknown verification method");
        }

        if (publicKey.Length != Ed25519.PublicKeySize)
        {
            return ProofCheck.Failed("public key is not 32 bytes");
        }

        var unsecured = (JsonObject)securedDocument.DeepClone();
        unsecured.Remove("proof");
        var options = (JsonObject)proof.DeepClone();
        options.Remove("proofValue");
        if (options["@context"] is { } proofContext)
        {
            if (!ContextStartsWith(unsecured["@context"], proofContext))
            {
                return ProofCheck.Failed("proof context does not match the document");
            }

            unsecured["@context"] = proofContext.DeepClone();
        }

        byte[] hashData;
        try
        {
            hashData = HashData(unsecured, ProofConfiguration(options, unsecured["@context"]));
        }
        catch (UnknownContextException)
        {
            return ProofCheck.Failed("unknown context");
        }
        catch (Exception e) when (e is JsonLdException or NotSupportedException)
        {
            return ProofCheck.Failed("document cannot be canonicalised: " + e.Message);
        }

        return Ed25519.Verify(signature, 0, publicKey, 0, hashData, 0, hashData.Length)
            ? ProofCheck.Passed
            : ProofCheck.Failed("signature mismatch");
    }

    /// <summary>§3.3.5: the proof options under the document's own context, so its terms mean the same.</summary>
    private static JsonObject ProofConfiguration(JsonObject proofOptions, JsonNode? documentContext)
    {
        var configuration = (JsonObject)proofOptions.DeepClone();
        configuration.Remove("proofValue");
        configuration["@context"] = documentContext?.DeepClone();
        return configuration;
    }

    /// <summary>§3.3.4: SHA-256 of the canonical proof configuration, then SHA-256 of the canonical document.</summary>
    private byte[] HashData(JsonObject unsecuredDocument, JsonObject proofConfiguration)
    {
        var proofHash = SHA256.HashData(Encoding.UTF8.GetBytes(_canonicalizer.ToCanonicalNQuads(proofConfiguration)));
        var documentHash = SHA256.HashData(Encoding.UTF8.GetBytes(_canonicalizer.ToCanonicalNQuads(unsecuredDocument)));
        return [.. proofHash, .. documentHash];
    }

    private static bool ContextStartsWith(JsonNode? documentContext, JsonNode proofContext)
    {
        var document = documentContext is JsonArray d ? d.ToList() : [documentContext];
        var prefix = proofContext is JsonArray p ? p.ToList() : [proofContext];
        return prefix.Count <= document.Count && prefix.Select((c, i) => JsonNode.DeepEquals(c, document[i])).All(same => same);
    }

    private static string? Text(JsonObject map, string key)
    {
        return map[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
    }
}
