using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>
/// JSON-LD 1.1 Context Processing (API §4.1) and Create Term Definition (§4.2), for the subset in
/// docs/linked-data.md. Remote contexts come only from <see cref="BundledContexts"/>. Results for bundled
/// and scoped contexts are cached per active context, since every credential names the same few contexts.
/// </summary>
internal sealed class ContextProcessor
{
    private const int MaxCachedPerContext = 256;
    private const int MaxRemoteDepth = 16;

    private static readonly HashSet<string> ContextKeywords =
        ["@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab"];

    private readonly BundledContexts _bundled;
    private readonly ConditionalWeakTable<ActiveContext, ConcurrentDictionary<(object Context, bool Override, bool Propagate), ActiveContext>> _cache = [];

    public ContextProcessor(BundledContexts bundled)
    {
        _bundled = bundled;
    }

    public ActiveContext Process(ActiveContext active, JsonNode? localContext, bool overrideProtected = false, bool propagate = true)
    {
        return Process(active, localContext, overrideProtected, propagate, 0);
    }

    private ActiveContext Process(ActiveContext active, JsonNode? localContext, bool overrideProtected, bool propagate, int depth)
    {
        if (localContext is JsonObject single && single.ContainsKey("@propagate"))
        {
            throw new NotSupportedException("@propagate in a context is not supported.");
        }

        var result = active;
        var contexts = localContext is JsonArray array ? array.ToList() : [localContext];
        foreach (var context in contexts)
        {
            result = ProcessOne(active, result, context, overrideProtected, propagate, depth);
        }

        return result;
    }

    private ActiveContext ProcessOne(ActiveContext original, ActiveContext result, JsonNode? context, bool overrideProtected, bool propagate, int depth)
    {
        switch (context)
        {
            case null:
                if (!overrideProtected && result.Terms.Values.Any(t => t.Protected))
                {
                    throw new JsonLdException("A context tried to clear protected terms (invalid context nullification).");
                }

                return new ActiveContext(new Dictionary<string, TermDefinition>(StringComparer.Ordinal), null, null, propagate ? null : original);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var url = value.GetValue<string>();
                if (!Uri.TryCreate(url, UriKind.Absolute, out _))
                {
                    throw new NotSupportedException($"The relative context reference \"{url}\" is not supported (documents have no base IRI here).");
                }

                if (depth >= MaxRemoteDepth)
                {
                    throw new JsonLdException("Context references nest too deeply.");
                }

                // Per §4.1.2 step 5.2.6 a remote context is processed without the caller's override of protection.
                return Cached(result, url, false, propagate, () => Process(result, _bundled.Get(url), false, propagate, depth + 1));
            case JsonObject definition:
                return Cached(result, definition, overrideProtected, propagate, () => ProcessObject(original, result, definition, overrideProtected, propagate));
            default:
                throw new JsonLdException("A context must be null, a string or an object.");
        }
    }

    private ActiveContext Cached(ActiveContext active, object key, bool overrideProtected, bool propagate, Func<ActiveContext> process)
    {
        // Only contexts whose JSON lives as long as the service (bundled ones, and the scoped contexts inside them)
        // are cached: a document's own inline context is a new object each time and would only fill the cache.
        if (key is JsonNode node && !IsBundled(node))
        {
            return process();
        }

        var entries = _cache.GetValue(active, _ => new ConcurrentDictionary<(object, bool, bool), ActiveContext>());
        if (entries.TryGetValue((key, overrideProtected, propagate), out var cached))
        {
            return cached;
        }

        var processed = process();
        if (entries.Count < MaxCachedPerContext)
        {
            entries.TryAdd((key, overrideProtected, propagate), processed);
        }

        return processed;
    }

    private bool IsBundled(JsonNode node)
    {
        var root = node.Root;
        return _bundled.Urls.Any(url => ReferenceEquals(_bundled.Get(url)?.Root, root));
    }

    private static ActiveContext ProcessObject(ActiveContext original, ActiveContext active, JsonObject context, bool overrideProtected, bool propagate)
    {
        var builder = new Builder(active, context, overrideProtected);
        if (!propagate && builder.Previous is null)
        {
            builder.Previous = original;
        }

        foreach (var keyword in new[] { "@base", "@direction", "@import" })
        {
            if (context.ContainsKey(keyword) && !(keyword == "@base" && context[keyword] is null))
            {
                throw new NotSupportedException($"{keyword} in a context is not supported.");
            }
        }

        if (context.TryGetPropertyValue("@version", out var version) && version?.ToJsonString() != "1.1")
        {
            throw new JsonLdException("@version must be 1.1.");
        }

        if (context.TryGetPropertyValue("@vocab", out var vocab))
        {
            builder.Vocab = vocab is null ? null : builder.ExpandIri(StringOf(vocab, "@vocab"), vocab: true);
        }

        if (context.TryGetPropertyValue("@language", out var language))
        {
            builder.Language = language is null ? null : StringOf(language, "@language").ToLowerInvariant();
        }

        foreach (var (term, _) in context)
        {
            if (!ContextKeywords.Contains(term))
            {
                builder.Define(term);
            }
        }

        return builder.Build();
    }

    internal static string StringOf(JsonNode? node, string what)
    {
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new JsonLdException($"{what} must be a string.");
    }

    /// <summary>The mutable state of one context object being processed (the "result" of §4.1.2).</summary>
    private sealed class Builder
    {
        private readonly Dictionary<string, TermDefinition> _terms;
        private readonly JsonObject _local;
        private readonly bool _overrideProtected;
        private readonly bool _protectedDefault;
        private readonly Dictionary<string, bool> _defined = new(StringComparer.Ordinal);

        public Builder(ActiveContext active, JsonObject local, bool overrideProtected)
        {
            _terms = new Dictionary<string, TermDefinition>(active.Terms, StringComparer.Ordinal);
            Vocab = active.Vocab;
            Language = active.DefaultLanguage;
            Previous = active.Previous;
            _local = local;
            _overrideProtected = overrideProtected;
            _protectedDefault = local["@protected"] is JsonValue p && p.GetValueKind() == JsonValueKind.True;
        }

        public string? Vocab { get; set; }

        public string? Language { get; set; }

        public ActiveContext? Previous { get; set; }

        public ActiveContext Build() => new(_terms, Vocab, Language, Previous);

        public string? ExpandIri(string value, bool vocab)
        {
            if (_local.ContainsKey(value) && !(_defined.TryGetValue(value, out var done) && done))
            {
                Define(value);
            }

            var colon = value.IndexOf(':', 1);
            if (colon > 0)
            {
                var prefix = value[..colon];
                if (_local.ContainsKey(prefix) && !(_defined.TryGetValue(prefix, out var prefixDone) && prefixDone))
                {
                    Define(prefix);
                }
            }

            return IriExpansion.Expand(value, vocab, _terms, Vocab);
        }

        public void Define(string term)
        {
            if (_defined.TryGetValue(term, out var done))
            {
                if (done)
                {
                    return;
                }

                throw new JsonLdException($"The term \"{term}\" is defined cyclically.");
            }

            _defined[term] = false;
            var value = _local[term];
            if (IriExpansion.IsKeyword(term))
            {
                if (term == "@type" && value is JsonObject typeDefinition && typeDefinition.All(p => p.Key is "@container" or "@protected"))
                {
                    throw new NotSupportedException("Redefining @type is not supported.");
                }

                throw new JsonLdException($"The keyword {term} cannot be redefined.");
            }

            if (IriExpansion.LooksLikeKeyword(term))
            {
                _defined[term] = true;
                return;
            }

            _terms.Remove(term, out var previous);
            var definition = Create(term, value);
            if (!_overrideProtected && previous is { Protected: true })
            {
                if (!definition.SameAs(previous))
                {
                    throw new JsonLdException($"The protected term \"{term}\" cannot be redefined.");
                }

                definition = previous;
            }

            _terms[term] = definition;
            _defined[term] = true;
        }

        private TermDefinition Create(string term, JsonNode? value)
        {
            var simpleTerm = value is JsonValue;
            JsonObject map = value switch
            {
                null => new JsonObject { ["@id"] = null },
                JsonValue v when v.GetValueKind() == JsonValueKind.String => new JsonObject { ["@id"] = v.GetValue<string>() },
                JsonObject o => o,
                _ => throw new JsonLdException($"The definition of \"{term}\" must be a string, an object or null."),
            };

            foreach (var (key, _) in map)
            {
                if (key is "@reverse" or "@nest" or "@index")
                {
                    throw new NotSupportedException($"{key} in a term definition is not supported (term \"{term}\").");
                }

                if (key is not ("@id" or "@type" or "@container" or "@context" or "@protected" or "@language" or "@prefix" or "@direction"))
                {
                    throw new JsonLdException($"The definition of \"{term}\" has an unknown entry {key}.");
                }
            }

            if (map.ContainsKey("@direction"))
            {
                throw new NotSupportedException($"@direction is not supported (term \"{term}\").");
            }

            var isProtected = map["@protected"] is JsonValue p ? p.GetValueKind() == JsonValueKind.True : _protectedDefault;
            string? typeMapping = null;
            if (map.TryGetPropertyValue("@type", out var type))
            {
                typeMapping = ExpandIri(StringOf(type, "@type of a term"), vocab: true);
                if (typeMapping is not ("@id" or "@vocab" or "@json" or "@none") && !IriExpansion.IsAbsoluteIri(typeMapping))
                {
                    throw new JsonLdException($"The type mapping of \"{term}\" is not an IRI.");
                }
            }

            var (iri, prefix) = MapIri(term, map, simpleTerm);
            var container = Containers(term, map["@container"]);
            var hasLanguage = map.TryGetPropertyValue("@language", out var language);
            if (map.TryGetPropertyValue("@prefix", out var prefixFlag))
            {
                if (term.Contains(':', StringComparison.Ordinal) || term.Contains('/', StringComparison.Ordinal))
                {
                    throw new JsonLdException($"@prefix cannot be set on the compact IRI \"{term}\".");
                }

                prefix = prefixFlag?.GetValueKind() == JsonValueKind.True;
            }

            return new TermDefinition
            {
                Iri = iri,
                Prefix = prefix,
                Protected = isProtected,
                TypeMapping = typeMapping,
                Container = container,
                HasScopedContext = map.ContainsKey("@context"),
                ScopedContext = map["@context"],
                HasLanguage = hasLanguage,
                Language = hasLanguage && language is not null ? StringOf(language, "@language").ToLowerInvariant() : null,
            };
        }

        private (string? Iri, bool Prefix) MapIri(string term, JsonObject map, bool simpleTerm)
        {
            if (map.TryGetPropertyValue("@id", out var id) && !(id is JsonValue same && same.GetValueKind() == JsonValueKind.String && same.GetValue<string>() == term))
            {
                if (id is null)
                {
                    return (null, false);
                }

                var idValue = StringOf(id, "@id of a term");
                if (!IriExpansion.IsKeyword(idValue) && IriExpansion.LooksLikeKeyword(idValue))
                {
                    return (null, false);
                }

                var iri = ExpandIri(idValue, vocab: true)
                    ?? throw new JsonLdException($"The term \"{term}\" does not map to an IRI.");
                if (iri == "@context")
                {
                    throw new JsonLdException("A term cannot be an alias of @context.");
                }

                if (!IriExpansion.IsKeyword(iri) && !IriExpansion.IsAbsoluteIri(iri) && !iri.StartsWith("_:", StringComparison.Ordinal))
                {
                    throw new JsonLdException($"The term \"{term}\" maps to \"{iri}\", which is not an absolute IRI.");
                }

                var innerColon = term.Length > 2 && term.IndexOf(':', 1, term.Length - 2) > 0;
                if (innerColon || term.Contains('/', StringComparison.Ordinal))
                {
                    _defined[term] = true;
                    if (ExpandIri(term, vocab: true) != iri)
                    {
                        throw new JsonLdException($"The term \"{term}\" looks like an IRI but maps elsewhere.");
                    }
                }

                var prefix = !term.Contains(':', StringComparison.Ordinal) && !term.Contains('/', StringComparison.Ordinal) && simpleTerm
                    && (iri.StartsWith("_:", StringComparison.Ordinal) || ":/?#[]@".Contains(iri[^1], StringComparison.Ordinal));
                return (iri, prefix);
            }

            var colon = term.IndexOf(':', 1);
            if (colon > 0)
            {
                var prefixTerm = term[..colon];
                if (_local.ContainsKey(prefixTerm))
                {
                    Define(prefixTerm);
                }

                return _terms.TryGetValue(prefixTerm, out var prefixDefinition) && prefixDefinition.Iri is not null
                    ? (prefixDefinition.Iri + term[(colon + 1)..], false)
                    : (term, false);
            }

            if (term.Contains('/', StringComparison.Ordinal))
            {
                var iri = ExpandIri(term, vocab: true);
                return iri is not null && IriExpansion.IsAbsoluteIri(iri) ? (iri, false) : throw new JsonLdException($"The term \"{term}\" is not an IRI.");
            }

            return Vocab is not null
                ? (Vocab + term, false)
                : throw new JsonLdException($"The term \"{term}\" has no IRI mapping and there is no @vocab.");
        }

        private static IReadOnlySet<string> Containers(string term, JsonNode? container)
        {
            if (container is null)
            {
                return TermDefinition.NoContainer;
            }

            var values = container is JsonArray array
                ? array.Select(v => StringOf(v, "@container")).ToHashSet(StringComparer.Ordinal)
                : [StringOf(container, "@container")];
            var supported = values.SetEquals(["@list"]) || values.SetEquals(["@set"]) || values.SetEquals(["@graph"])
                || values.SetEquals(["@graph", "@set"]) || values.SetEquals(["@language"]) || values.SetEquals(["@language", "@set"]);
            return supported
                ? values
                : throw new NotSupportedException($"The container {container.ToJsonString()} of \"{term}\" is not supported.");
        }
    }
}
