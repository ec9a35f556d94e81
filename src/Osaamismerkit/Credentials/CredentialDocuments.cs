using System.Text.Json.Nodes;
using Osaamismerkit.Credentials.Keys;
using Osaamismerkit.Credentials.LinkedData;
using Osaamismerkit.Infrastructure.Signing;

namespace Osaamismerkit.Credentials;

/// <summary>One credential in the forms it is handed out in, signed with the current keys.</summary>
public sealed class CredentialDocuments(
    OpenBadgeCredentials credentials, CredentialUrls urls, SigningKeyStore rsaKeys, CredentialKeyStore ed25519Keys, EddsaRdfc2022 suite, TimeProvider clock)
{
    /// <summary>The VC-JWT, or null when there is no such assertion.</summary>
    public async Task<string?> JwtAsync(Guid assertionId, string? subjectDid = null, CancellationToken cancellationToken = default) =>
        await credentials.FindAsync(assertionId, cancellationToken) is { } source ? Jwt(credentials.Build(source, subjectDid)) : null;

    /// <summary>
    /// The credential with an embedded eddsa-rdfc-2022 proof, or null when there is no such assertion. The proof is written
    /// as a set of one: OB 3.0's JSON form (Appendix A.1) writes every property that may repeat as an array, and the 1EdTech
    /// JSON Schema refuses a single proof object. In JSON-LD both are the same graph, so the signature does not change.
    /// </summary>
    public async Task<JsonObject?> WithProofAsync(Guid assertionId, string? subjectDid = null, CancellationToken cancellationToken = default) =>
        await credentials.FindAsync(assertionId, cancellationToken) is { } source ? AsProofSet(WithProof(credentials.Build(source, subjectDid))) : null;

    public string Jwt(JsonObject credential)
    {
        var key = rsaKeys.Current;
        return VcJwt.Sign(credential, key, urls.VerificationMethod(key.Id));
    }

    private static JsonObject AsProofSet(JsonObject secured)
    {
        secured.Remove("proof", out var proof);
        secured["proof"] = new JsonArray(proof);
        return secured;
    }

    /// <summary>Signed when asked for: the proof's <c>created</c> is now, and the key the current one, which the DID document lists.</summary>
    public JsonObject WithProof(JsonObject unsecured)
    {
        var key = ed25519Keys.Current;
        return suite.AddProof(unsecured, new DataIntegrityProofOptions(urls.VerificationMethod(key.Id), clock.GetUtcNow()), key.Sign);
    }
}
