namespace Osaamismerkit.StaffUi.Drafts;

/// <summary>The fields of a form that could not be saved because the sign-in had run out, kept for the same instructor.</summary>
public sealed record StaffDraft(string Subject, string Path, string FormKey, IReadOnlyDictionary<string, string[]> Fields)
{
    public string Value(string name) => Fields.TryGetValue(name, out var values) && values.Length > 0 ? values[0] : string.Empty;

    public IReadOnlyList<string> Values(string name) => Fields.TryGetValue(name, out var values) ? values : [];
}
