namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>One statement of an RDF dataset; <see cref="Graph"/> is null for the default graph.</summary>
internal sealed record RdfQuad(RdfTerm Subject, RdfTerm Predicate, RdfTerm Object, RdfTerm? Graph);
