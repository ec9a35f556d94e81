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
    public string Chosen(string name, string fallback = "") => Query[name].ToString() is { Length: > 0 } value ? value : fallback;

    /// <summary>The same report as a file: the query string carried over to the export endpoint.</summary>
    public string Export(string format) => $"/api/reports/{Kind}/{format}{QueryString.Create(Query.Where(q => q.Key != "kind"))}";
}
