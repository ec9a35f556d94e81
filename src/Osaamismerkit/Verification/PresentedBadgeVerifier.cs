namespace Osaamismerkit.Verification;

/// <summary>
/// Checks whatever badge was presented — an OB 2.0 JWS or hosted id, or an OB 3.0 VC-JWT or Data Integrity credential,
/// pasted or baked in an image — so that the API and the verify page answer alike for both versions.
/// </summary>
public sealed class PresentedBadgeVerifier(AssertionVerifier assertions, CredentialVerifier credentials)
{
    /// <summary>Null when it names no badge of ours. Not for problems or PDFs: those are answered before this.</summary>
    public async Task<VerificationResult?> CheckAsync(PresentedBadge presented, CancellationToken cancellationToken = default) =>
        presented.Credential is { } credential ? await credentials.CheckAsync(credential, cancellationToken)
        : presented.HostedId is { } hosted ? await assertions.CheckAsync(hosted, cancellationToken)
        : presented.Jws is { } jws ? await assertions.CheckPresentedAsync(jws, cancellationToken)
        : null;
}
