namespace Osaamismerkit.Verification;

/// <summary>
/// What an uploaded file or posted value turned out to hold: a signed assertion, a hosted assertion's id, a certificate
/// PDF, or a problem; and the recipient the verifier asks about, if any. <see cref="Credential"/> is an Open Badges 3.0
/// credential instead: a VC-JWT or the JSON of one with a Data Integrity proof.
/// </summary>
public sealed record PresentedBadge(string? Jws, Guid? HostedId, int ProblemStatus = 0, string? ProblemKey = null, string? Recipient = null)
{
    /// <summary>An uploaded PDF, to be checked as a certificate (<see cref="CertificatePdfVerifier"/>).</summary>
    public byte[]? Pdf { get; init; }

    public string? Credential { get; init; }

    public static PresentedBadge Ob3(string credential) => new(null, null) { Credential = credential };

    public static PresentedBadge Problem(int status, string key) => new(null, null, status, key);

    public bool IsProblem => ProblemStatus != 0;
}
