namespace Osaamismerkit.Verification;

/// <summary>What an uploaded file or posted value turned out to hold: a signed assertion, a hosted assertion's id, or a problem.</summary>
public sealed record PresentedBadge(string? Jws, Guid? HostedId, int ProblemStatus = 0, string? ProblemKey = null)
{
    public static PresentedBadge Problem(int status, string key) => new(null, null, status, key);

    public bool IsProblem => ProblemStatus != 0;
}
