using System.Text.Json.Nodes;

namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>One term of an active context (JSON-LD 1.1 API §4.1), limited to the features this subset supports.</summary>
internal sealed record TermDefinition
{
    /// <summary>The expanded IRI or keyword; null when the term is explicitly mapped to null (and so ignored).</summary>
    public string? Iri { get; init; }

    public bool Prefix { get; init; }

    public bool Protected { get; init; }

    /// <summary>@id, @vocab, @json, @none or a datatype IRI.</summary>
    public string? TypeMapping { get; init; }

    /// <summary>Any of @list, @set, @graph, @language.</summary>
    public IReadOnlySet<string> Container { get; init; } = NoContainer;

    public bool HasScopedContext { get; init; }

    /// <summary>The raw scoped context; processed when the term or type is met, because it may name other terms.</summary>
    public JsonNode? ScopedContext { get; init; }

    public bool HasLanguage { get; init; }

    public string? Language { get; init; }

    public static IReadOnlySet<string> NoContainer { get; } = new HashSet<string>();

    /// <summary>Protected terms may be redefined only identically (JSON-LD 1.1 API §4.2.2 step 27).</summary>
    public bool SameAs(TermDefinition other)
    {
        return Iri == other.Iri
            && Prefix == other.Prefix
            && TypeMapping == other.TypeMapping
            && Container.SetEquals(other.Container)
            && HasScopedContext == other.HasScopedContext
            && JsonNode.DeepEquals(ScopedContext, other.ScopedContext)
            && HasLanguage == other.HasLanguage
            && Language == other.Language;
    }
}
