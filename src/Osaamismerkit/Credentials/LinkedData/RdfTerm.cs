namespace Osaamismerkit.Credentials.LinkedData;

internal enum RdfTermKind
{
    Iri,
    BlankNode,
    Literal,
}

/// <summary>An RDF term; a blank node's <see cref="Value"/> is its label without "_:".</summary>
internal sealed record RdfTerm(RdfTermKind Kind, string Value, string? Datatype = null, string? Language = null)
{
    public const string XsdString = "http://www.w3.org/2001/XMLSchema#string";
    public const string RdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

    public static RdfTerm Iri(string value) => new(RdfTermKind.Iri, value);

    public static RdfTerm Blank(string label) => new(RdfTermKind.BlankNode, label);

    public bool IsBlank => Kind == RdfTermKind.BlankNode;
}
