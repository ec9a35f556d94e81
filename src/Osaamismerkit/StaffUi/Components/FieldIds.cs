namespace Osaamismerkit.StaffUi.Components;

/// <summary>The element id of a form field from the API's error key: "criteria[2].met" belongs to the "criteria" group.</summary>
public static class FieldIds
{
    public static string Of(string field)
    {
        var end = field.IndexOfAny(['[', '.']);
        return "field-" + (end < 0 ? field : field[..end]);
    }

    public static bool HasError(IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.Keys.Any(k => Of(k) == Of(field));

    /// <summary>aria-invalid and aria-describedby for a field, null when it has no error.</summary>
    public static string? Invalid(IReadOnlyDictionary<string, string[]> errors, string field) => HasError(errors, field) ? "true" : null;

    public static string? ErrorId(IReadOnlyDictionary<string, string[]> errors, string field) => HasError(errors, field) ? Of(field) + "-error" : null;
}
