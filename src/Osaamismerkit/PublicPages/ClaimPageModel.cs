namespace Osaamismerkit.PublicPages;

/// <summary>
/// The public claim page: what was typed (kept, so a mistake is fixed rather than retyped), each wrong field's message,
/// and whether the form's token had expired.
/// </summary>
public sealed record ClaimPageModel(FormToken Form, string Code = "", string Email = "", bool FormExpired = false)
{
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);
}
