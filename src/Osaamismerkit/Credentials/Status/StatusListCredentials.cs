using System.Text.Json.Nodes;

namespace Osaamismerkit.Credentials.Status;

/// <summary>The revocation list as a BitstringStatusListCredential, read from the assertions on every request.</summary>
public sealed class StatusListCredentials(StatusLists lists, CredentialUrls urls, TimeProvider clock)
{
    public async Task<JsonObject> RevocationAsync(CancellationToken cancellationToken = default)
    {
        var revoked = await lists.RevokedIndexesAsync(cancellationToken);
        return new JsonObject
        {
            ["@context"] = new JsonArray(CredentialContexts.Vc2),
            ["id"] = urls.StatusList,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = urls.IssuerDid,
            ["validFrom"] = Issuing.AssertionIssuer.Timestamp(clock.GetUtcNow()),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = urls.StatusList + "#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = "revocation",
                ["encodedList"] = BitstringStatusList.Encode(revoked),
            },
        };
    }
}
