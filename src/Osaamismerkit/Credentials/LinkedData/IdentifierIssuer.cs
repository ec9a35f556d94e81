namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>The identifier issuer of RDFC-1.0 §4.5: issues prefix+counter labels and remembers their order.</summary>
internal sealed class IdentifierIssuer
{
    private readonly string _prefix;
    private readonly Dictionary<string, string> _issued;
    private readonly List<string> _order;

    public IdentifierIssuer(string prefix)
        : this(prefix, new Dictionary<string, string>(StringComparer.Ordinal), [])
    {
    }

    private IdentifierIssuer(string prefix, Dictionary<string, string> issued, List<string> order)
    {
        _prefix = prefix;
        _issued = issued;
        _order = order;
    }

    /// <summary>The existing labels in the order they were issued.</summary>
    public IReadOnlyList<string> IssuedOrder => _order;

    public string Issue(string existing)
    {
        if (_issued.TryGetValue(existing, out var issued))
        {
            return issued;
        }

        issued = _prefix + _order.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _issued[existing] = issued;
        _order.Add(existing);
        return issued;
    }

    public bool TryGet(string existing, out string issued) => _issued.TryGetValue(existing, out issued!);

    public bool Has(string existing) => _issued.ContainsKey(existing);

    public IdentifierIssuer Copy() => new(_prefix, new Dictionary<string, string>(_issued, StringComparer.Ordinal), [.. _order]);
}
