using System.Text.Json.Nodes;
using Osaamismerkit.Infrastructure.Signing;

namespace Osaamismerkit.Credentials;

/// <summary>One credential in the forms it is handed out in, signed with the current keys.</summary>
public sealed class CredentialDocuments(OpenBadgeCredentials credentials, CredentialUrls urls, SigningKeyStore rsaKeys)
{
    /// <summary>The VC-JWT, or null when there is no such assertion.</summary>
    public async Task<string?> JwtAsync(Guid assertionId, string? subjectDid = null, CancellationToken cancellationToken = default) =>
        await credentials.FindAsync(assertionId, cancellationToken) is { } source ? Jwt(credentials.Build(source, subjectDid)) : null;

    public string Jwt(JsonObject credential)
    {
        var key = rsaKeys.Current;
        return VcJwt.Sign(credential, key, urls.VerificationMethod(key.Id));
    }
}
