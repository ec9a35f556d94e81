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

    /// <summary>The credential with an embedded eddsa-rdfc-2022 proof, or null when there is no such assertion.</summary>
    public async Task<JsonObject?> WithProofAsync(Guid assertionId, string? subjectDid = null, CancellationToken cancellationToken = default) =>
        await credentials.FindAsync(assertionId, cancellationToken) is { } source ? WithProof(credentials.Build(source, subjectDid)) : null;

    public string Jwt(JsonObject credential)
    {
        var key = rsaKeys.Current;
        return VcJwt.Sign(credential, key, urls.VerificationMethod(key.Id));
    }

    /// <summary>Signed when asked for: the proof's <c>created</c> is now, and the key the current one, which the DID document lists.</summary>
    public JsonObject WithProof(JsonObject unsecured)
    {
        var key = ed25519Keys.Current;
        return suite.AddProof(unsecured, new DataIntegrityProofOptions(urls.VerificationMethod(key.Id), clock.GetUtcNow()), key.Sign);
    }
}
