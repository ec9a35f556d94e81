namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>
/// The document is not valid JSON-LD, or converting it to RDF would lose data (an undefined term, a relative
/// IRI). Like jsonld.js in its "safe" mode, which Data Integrity libraries use, this refuses rather than
/// signing a document whose unsigned parts an attacker could change freely.
/// </summary>
public sealed class JsonLdException : Exception
{
    public JsonLdException(string message)
        : base(message)
    {
    }
}
