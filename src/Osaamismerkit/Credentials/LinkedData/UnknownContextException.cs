namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>
/// A document named a JSON-LD context that is not bundled with the service. Contexts are never fetched: a
/// remote context could change what a signed credential means after it was signed, and fetching at run time
/// would let whoever sends a document make the service call any address.
/// </summary>
public sealed class UnknownContextException : Exception
{
    public UnknownContextException(string contextUrl)
        : base($"The JSON-LD context {contextUrl} is not bundled with the service, and contexts are never fetched.")
    {
        ContextUrl = contextUrl;
    }

    public string ContextUrl { get; }
}
