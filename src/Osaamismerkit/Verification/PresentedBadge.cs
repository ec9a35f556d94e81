namespace Osaamismerkit.Verification;

/// <summary>
/// What an uploaded file or posted value turned out to hold: a signed assertion, a hosted assertion's id, or a problem;
/// and the recipient the verifier asks about, if any.
/// </summary>
public sealed record PresentedBadge(string? Jws, Guid? HostedId, int ProblemStatus = 0, string? ProblemKey = null, string? Recipient = null)
{
    public static PresentedBadge Problem(int status, string key) => new(null, null, status, key);

    public bool IsProblem => ProblemStatus != 0;
}
