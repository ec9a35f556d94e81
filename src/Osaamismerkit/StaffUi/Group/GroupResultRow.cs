using Osaamismerkit.Assessments;

namespace Osaamismerkit.StaffUi.Group;

/// <summary>One client's answer on the group's result page.</summary>
/// <param name="Missing">For progress, the required criteria still not shown, in the page's language.</param>
/// <param name="Problems">For a refused or invalid client, why, in the page's language.</param>
public sealed record GroupResultRow(
    GroupClient Client,
    string Status,
    AssessmentResult? Assessment,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Problems);
