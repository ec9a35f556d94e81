namespace Osaamismerkit.Assessments;

/// <summary>
/// What became of one client of a group: issued (the badge, and any milestone), progress (kept, with the missing
/// criteria), refused (a title and detail in the caller's language) or invalid (errors keyed by field).
/// </summary>
public sealed record GroupMemberResult(
    string? ClientId,
    string Status,
    AssessmentResult? Assessment = null,
    string? Title = null,
    string? Detail = null,
    IDictionary<string, string[]>? Errors = null)
{
    public const string Issued = "issued";

    public const string Progress = "progress";

    public const string Refused = "refused";

    public const string Invalid = "invalid";
}
