using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>
/// The JSON-LD context documents the service knows, byte for byte as published (see Contexts/README.md for
/// where each came from), read once from the assembly. Contexts/index.json maps each URL to its file; the
/// independent checker in tools/rdfc-check reads the same index, so both sides see the same documents.
/// </summary>
internal sealed class BundledContexts
{
    private readonly FrozenDictionary<string, JsonNode> _contexts;

    private BundledContexts(IDictionary<string, JsonNode> contexts)
    {
        _contexts = contexts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static BundledContexts Embedded { get; } = LoadEmbedded();

    public IEnumerable<string> Urls => _contexts.Keys;

    /// <summary>Tests add documents such as the W3C examples context that the service itself must refuse.</summary>
    public BundledContexts With(IReadOnlyDictionary<string, string> moreDocuments)
    {
        var all = new Dictionary<string, JsonNode>(_contexts, StringComparer.Ordinal);
        foreach (var (url, json) in moreDocuments)
        {
            all[url] = ParseContextDocument(url, json);
        }

        return new BundledContexts(all);
    }

    /// <summary>The value of the document's <c>@context</c> entry.</summary>
    public JsonNode? Get(string url)
    {
        return _contexts.TryGetValue(url, out var context) ? context : throw new UnknownContextException(url);
    }

    private static BundledContexts LoadEmbedded()
    {
        var index = JsonNode.Parse(ReadResource("index.json"))!.AsObject();
        var contexts = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (url, file) in index)
        {
            contexts[url] = ParseContextDocument(url, ReadResource(file!.GetValue<string>()));
        }

        return new BundledContexts(contexts);
    }

    private static JsonNode ParseContextDocument(string url, string json)
    {
        var document = JsonNode.Parse(json) as JsonObject;
        return document?["@context"] ?? throw new InvalidOperationException($"The bundled document for {url} has no @context.");
    }

    private static string ReadResource(string file)
    {
        var assembly = typeof(BundledContexts).Assembly;
        using var stream = assembly.GetManifestResourceStream("linked-data-contexts/" + file)
            ?? throw new InvalidOperationException($"The context file {file} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
