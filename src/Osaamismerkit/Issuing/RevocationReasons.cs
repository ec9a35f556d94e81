namespace Osaamismerkit.Issuing;

/// <summary>
/// The published reasons a badge can be revoked for: a fixed list, so that nothing a person typed ever reaches the
/// public badge page or the revocation list. Each code has its wording in fi/sv/en (PublicTexts and StaffUiTexts,
/// key <c>Revocation_</c> + code); what staff want to add goes into the revocation's internal note.
/// </summary>
public static class RevocationReasons
{
    public const string IssuedInError = "issued_in_error";
    public const string CriteriaNotMet = "criteria_not_met";
    public const string Replaced = "replaced";
    public const string HolderRequest = "holder_request";
    public const string Other = "other";

    /// <summary>The codes in the order the staff form offers them.</summary>
    public static readonly IReadOnlyList<string> All = [IssuedInError, CriteriaNotMet, Replaced, HolderRequest, Other];

    // Reasons the service itself wrote before the list existed (and still writes: Assessments/AssessmentRecorder,
    // Issuing/BadgeClaims, Clients/PersonalDataEndpoints). The claim has its own public sentence.
    private const string ClaimedPrefix = "claimed:";
    private const string Renewed = "superseded by renewal";
    private const string Erased = "erased at the client's request";

    /// <summary>The pseudo-code of a re-issue on claim, which has its own sentence.</summary>
    public const string Claimed = "claimed";

    public static bool IsCode(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);

    /// <summary>
    /// The code whose wording may be published for a stored reason. Anything not on the list (a free text the
    /// migration missed, a value written by hand) is published as "other", never as itself.
    /// </summary>
    public static string PublicCodeOf(string reason) => reason switch
    {
        _ when IsCode(reason) => reason,
        Renewed => Replaced,
        Erased => HolderRequest,
        _ when reason.StartsWith(ClaimedPrefix, StringComparison.Ordinal) => Claimed,
        _ => Other,
    };
}
