namespace Osaamismerkit.Verification;

/// <summary>
/// What an uploaded file or posted value turned out to hold: a signed assertion, a hosted assertion's id, a certificate
/// PDF, or a problem; and the recipient the verifier asks about, if any.
/// </summary>
public sealed record PresentedBadge(string? Jws, Guid? HostedId, int ProblemStatus = 0, string? ProblemKey = null, string? Recipient = null)
{
    /// <summary>An uploaded PDF, to be checked as a certificate (<see cref="CertificatePdfVerifier"/>).</summary>
    public byte[]? Pdf { get; init; }

    public static PresentedBadge Problem(int status, string key) => new(null, null, status, key);

    public bool IsProblem => ProblemStatus != 0;
}
