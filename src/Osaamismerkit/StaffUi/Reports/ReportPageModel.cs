using Osaamismerkit.Reports;

namespace Osaamismerkit.StaffUi.Reports;

/// <summary>The report page: what can be chosen, what was chosen (as the query string), and the report or the filter errors.</summary>
public sealed record ReportPageModel(
    ReportChoices Choices,
    IQueryCollection Query,
    string Kind,
    Report? Report,
    IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The badge report's rows are chosen with "by"; every other report's with "groupBy".</summary>
    public static readonly string BadgeRowKinds = ReportCodes.Of(ReportKind.Badges);

    public static readonly string GroupingKinds = string.Join(' ', ReportCodes.Kinds.Keys.Where(k => k != BadgeRowKinds));

    public bool UsesBadgeRows => Kind == BadgeRowKinds;

    public string Chosen(string name, string fallback = "") => Query[name].ToString() is { Length: > 0 } value ? value : fallback;

    /// <summary>The same report as a file: the query string carried over to the export endpoint.</summary>
    public string Export(string format) => $"/api/reports/{Kind}/{format}{QueryString.Create(Query.Where(q => q.Key != "kind"))}";
}
