using Osaamismerkit.PublicPages;

namespace Osaamismerkit.Verification;

/// <summary>
/// The public verify page: empty, or after an upload either the problem (in the same words as the API's problem details)
/// or the result — a certificate PDF's signature check, and the badges found with their live status.
/// </summary>
public sealed record VerifyPageModel(string IssuerName)
{
    public string? ProblemTitle { get; init; }

    public string? ProblemDetail { get; init; }

    /// <summary>Set when the upload was a certificate PDF.</summary>
    public CertificatePdfCheck? Certificate { get; init; }

    public IReadOnlyList<PublicBadge> Badges { get; init; } = [];

    public bool HasResult => Certificate is not null || Badges.Count > 0;
}
