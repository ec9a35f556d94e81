using System.Text.Json.Nodes;

namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>
/// JSON-LD document → RDFC-1.0 canonical N-Quads: expansion against the bundled contexts
/// (<see cref="JsonLdExpander"/>), conversion to an RDF dataset (<see cref="RdfDatasetBuilder"/>) and
/// canonicalisation (<see cref="Rdfc10Canonicalizer"/>). Throws <see cref="UnknownContextException"/> for a
/// context that is not bundled, <see cref="JsonLdException"/> for what jsonld.js's safe mode refuses, and
/// <see cref="NotSupportedException"/> for JSON-LD features outside the subset in docs/linked-data.md.
/// </summary>
public sealed class JsonLdCanonicalizer
{
    private readonly JsonLdExpander _expander;
    private readonly int _maxWorkFactor;

    public JsonLdCanonicalizer()
        : this(BundledContexts.Embedded)
    {
    }

    internal JsonLdCanonicalizer(BundledContexts contexts, int maxWorkFactor = 1)
    {
        _expander = new JsonLdExpander(new ContextProcessor(contexts));
        _maxWorkFactor = maxWorkFactor;
    }

    public string ToCanonicalNQuads(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Rdfc10Canonicalizer.Canonicalize(ToRdf(document), _maxWorkFactor);
    }

    internal List<RdfQuad> ToRdf(JsonObject document)
    {
        return RdfDatasetBuilder.Build(_expander.Expand(document));
    }
}
