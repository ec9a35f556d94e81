namespace Osaamismerkit.StaffUi.Forms;

/// <summary>What a form showed or was sent with: field name to values. Empty for a fresh form.</summary>
public sealed class FormValues(IReadOnlyDictionary<string, string[]> values)
{
    public static readonly FormValues Empty = new(new Dictionary<string, string[]>());

    public IReadOnlyDictionary<string, string[]> All => values;

    public string this[string name] => values.TryGetValue(name, out var v) && v.Length > 0 ? v[0] : string.Empty;

    public IReadOnlyList<string> Many(string name) => values.TryGetValue(name, out var v) ? v : [];

    public bool Has(string name) => values.ContainsKey(name);

    public static FormValues From(IFormCollection form) =>
        new(form.ToDictionary(f => f.Key, f => f.Value.Where(v => v is not null).Select(v => v!.Trim()).ToArray(), StringComparer.Ordinal));

    public FormValues With(string name, string value) => With(name, [value]);

    public FormValues With(string name, IReadOnlyList<string> many)
    {
        var copy = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        copy[name] = [.. many];
        return new FormValues(copy);
    }
}
