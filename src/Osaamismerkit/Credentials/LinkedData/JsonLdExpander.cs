using System.Text.Json;
using System.Text.Json.Nodes;

namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>
/// JSON-LD 1.1 Expansion (API §5.1) for the subset in docs/linked-data.md. The expanded form is plain
/// collections: a node, value or list object is a <c>Dictionary&lt;string, object?&gt;</c>, an array a
/// <c>List&lt;object?&gt;</c>; @id is a string, a node's @type a list of strings, @value the input
/// <see cref="JsonNode"/>. Terms that expand to nothing are refused, not dropped (jsonld.js "safe" mode).
/// </summary>
internal sealed class JsonLdExpander
{
    private readonly ContextProcessor _contexts;

    public JsonLdExpander(ContextProcessor contexts)
    {
        _contexts = contexts;
    }

    /// <summary>The expanded document: always a list of top-level node objects.</summary>
    public List<object?> Expand(JsonNode document)
    {
        var expanded = Expand(ActiveContext.Initial, null, document, fromMap: false);
        if (expanded is Dictionary<string, object?> map && map.Count == 1 && map.TryGetValue("@graph", out var graph))
        {
            expanded = graph;
        }

        return expanded switch
        {
            null => [],
            List<object?> list => list,
            _ => [expanded],
        };
    }

    private object? Expand(ActiveContext active, string? activeProperty, JsonNode? element, bool fromMap)
    {
        if (element is null)
        {
            return null;
        }

        var propertyDefinition = active.Term(activeProperty);
        if (element is JsonValue scalar)
        {
            if (activeProperty is null or "@graph")
            {
                return null;
            }

            if (propertyDefinition is { HasScopedContext: true })
            {
                active = _contexts.Process(active, propertyDefinition.ScopedContext, overrideProtected: true);
            }

            return ExpandValue(active, activeProperty, scalar);
        }

        if (element is JsonArray array)
        {
            var result = new List<object?>();
            foreach (var item in array)
            {
                var expandedItem = Expand(active, activeProperty, item, fromMap);
                if (propertyDefinition is not null && propertyDefinition.Container.Contains("@list") && expandedItem is List<object?> inner)
                {
                    expandedItem = new Dictionary<string, object?> { ["@list"] = inner };
                }

                if (expandedItem is List<object?> items)
                {
                    result.AddRange(items);
                }
                else if (expandedItem is not null)
                {
                    result.Add(expandedItem);
                }
            }

            return result;
        }

        return ExpandObject(active, activeProperty, (JsonObject)element, propertyDefinition, fromMap);
    }

    private object? ExpandObject(ActiveContext active, string? activeProperty, JsonObject element, TermDefinition? propertyDefinition, bool fromMap)
    {
        if (active.Previous is not null && !fromMap && !KeepsTypeScopedContext(active, element))
        {
            active = active.Previous;
        }

        if (propertyDefinition is { HasScopedContext: true })
        {
            active = _contexts.Process(active, propertyDefinition.ScopedContext, overrideProtected: true);
        }

        if (element.TryGetPropertyValue("@context", out var localContext))
        {
            active = _contexts.Process(active, localContext);
        }

        var typeScopedContext = active;
        foreach (var (key, value) in element.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (Iri(typeScopedContext, key, vocab: true) != "@type")
            {
                continue;
            }

            var types = value is JsonArray typeArray ? typeArray.Select(t => t is JsonValue tv && tv.GetValueKind() == JsonValueKind.String ? tv.GetValue<string>() : null) : [value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null];
            foreach (var type in types.OfType<string>().Order(StringComparer.Ordinal))
            {
                if (typeScopedContext.Term(type) is { HasScopedContext: true } typeDefinition)
                {
                    active = _contexts.Process(active, typeDefinition.ScopedContext, propagate: false);
                }
            }
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var inputIsJson = false;
        foreach (var (key, value) in element)
        {
            if (key == "@context")
            {
                continue;
            }

            var expandedProperty = Iri(active, key, vocab: true);
            if (expandedProperty is null || (!expandedProperty.Contains(':', StringComparison.Ordinal) && !IriExpansion.IsKeyword(expandedProperty)))
            {
                throw new JsonLdException($"The property \"{key}\" is not defined by any context, so it would not be signed.");
            }

            if (IriExpansion.IsKeyword(expandedProperty))
            {
                if (expandedProperty == "@type" && value is JsonValue jt && jt.GetValueKind() == JsonValueKind.String && Iri(typeScopedContext, jt.GetValue<string>(), vocab: true) == "@json")
                {
                    inputIsJson = true;
                }

                ExpandKeyword(active, typeScopedContext, activeProperty, expandedProperty, value, result);
                continue;
            }

            var expandedValue = ExpandProperty(active, key, value);
            if (expandedValue is null)
            {
                continue;
            }

            if (!result.TryGetValue(expandedProperty, out var existing))
            {
                existing = new List<object?>();
                result[expandedProperty] = existing;
            }

            AddValues((List<object?>)existing!, expandedValue);
        }

        return Finish(activeProperty, result, inputIsJson);
    }

    private static bool KeepsTypeScopedContext(ActiveContext active, JsonObject element)
    {
        var expandedKeys = element.Select(p => Iri(active, p.Key, vocab: true)).ToList();
        return expandedKeys.Contains("@value") || (expandedKeys.Count == 1 && expandedKeys[0] == "@id");
    }

    private void ExpandKeyword(ActiveContext active, ActiveContext typeScopedContext, string? activeProperty, string keyword, JsonNode? value, Dictionary<string, object?> result)
    {
        if (result.ContainsKey(keyword) && keyword != "@type")
        {
            throw new JsonLdException($"The keyword {keyword} appears twice in one object (through an alias).");
        }

        switch (keyword)
        {
            case "@id":
                result["@id"] = Iri(active, ContextProcessor.StringOf(value, "@id"), vocab: false);
                break;
            case "@type":
                var types = result.TryGetValue("@type", out var existing) ? (List<string>)existing! : [];
                var values = value is JsonArray array ? array.ToList() : [value];
                foreach (var type in values)
                {
                    types.Add(Iri(typeScopedContext, ContextProcessor.StringOf(type, "@type"), vocab: true)
                        ?? throw new JsonLdException("A @type value does not expand to an IRI."));
                }

                result["@type"] = types;
                break;
            case "@graph":
                result["@graph"] = AsList(Expand(active, "@graph", value, fromMap: false));
                break;
            case "@value":
                result["@value"] = value;
                break;
            case "@language":
                result["@language"] = ContextProcessor.StringOf(value, "@language").ToLowerInvariant();
                break;
            case "@list":
                if (activeProperty is null or "@graph")
                {
                    return;
                }

                result["@list"] = AsList(Expand(active, activeProperty, value, fromMap: false));
                break;
            case "@set":
                result["@set"] = Expand(active, activeProperty, value, fromMap: false);
                break;
            default:
                throw new NotSupportedException($"The keyword {keyword} in a document is not supported.");
        }
    }

    private object? ExpandProperty(ActiveContext active, string key, JsonNode? value)
    {
        var definition = active.Term(key);
        var container = definition?.Container ?? TermDefinition.NoContainer;
        object? expandedValue;
        if (definition?.TypeMapping == "@json")
        {
            expandedValue = new Dictionary<string, object?> { ["@value"] = value, ["@type"] = "@json" };
        }
        else if (container.Contains("@language") && value is JsonObject languageMap)
        {
            expandedValue = ExpandLanguageMap(active, languageMap);
        }
        else
        {
            expandedValue = Expand(active, key, value, fromMap: false);
        }

        if (expandedValue is null)
        {
            return null;
        }

        if (container.Contains("@list") && !(expandedValue is Dictionary<string, object?> map && map.ContainsKey("@list")))
        {
            expandedValue = new Dictionary<string, object?> { ["@list"] = AsList(expandedValue) };
        }

        if (container.Contains("@graph"))
        {
            expandedValue = AsList(expandedValue)
                .Select(item => (object?)new Dictionary<string, object?> { ["@graph"] = AsList(item) })
                .ToList();
        }

        return expandedValue;
    }

    private static List<object?> ExpandLanguageMap(ActiveContext active, JsonObject languageMap)
    {
        var result = new List<object?>();
        foreach (var (language, values) in languageMap.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var items = values is JsonArray array ? array.ToList() : [values];
            foreach (var item in items)
            {
                if (item is null)
                {
                    continue;
                }

                var text = ContextProcessor.StringOf(item, "A language map value");
                var value = new Dictionary<string, object?> { ["@value"] = JsonValue.Create(text) };
                if (Iri(active, language, vocab: true) != "@none")
                {
                    value["@language"] = language.ToLowerInvariant();
                }

                result.Add(value);
            }
        }

        return result;
    }

    private static Dictionary<string, object?> ExpandValue(ActiveContext active, string activeProperty, JsonValue value)
    {
        var definition = active.Term(activeProperty);
        var isString = value.GetValueKind() == JsonValueKind.String;
        if (definition?.TypeMapping == "@id" && isString)
        {
            return new Dictionary<string, object?> { ["@id"] = Iri(active, value.GetValue<string>(), vocab: false) };
        }

        if (definition?.TypeMapping == "@vocab" && isString)
        {
            return new Dictionary<string, object?> { ["@id"] = Iri(active, value.GetValue<string>(), vocab: true) };
        }

        var result = new Dictionary<string, object?> { ["@value"] = value };
        if (definition?.TypeMapping is { } type && type is not ("@id" or "@vocab" or "@none"))
        {
            result["@type"] = type;
        }
        else if (isString)
        {
            var language = definition is { HasLanguage: true } ? definition.Language : active.DefaultLanguage;
            if (language is not null)
            {
                result["@language"] = language;
            }
        }

        return result;
    }

    private static object? Finish(string? activeProperty, Dictionary<string, object?> result, bool inputIsJson)
    {
        if (result.TryGetValue("@value", out var value))
        {
            if (result.Keys.Any(k => k is not ("@value" or "@language" or "@type")) || (result.ContainsKey("@language") && result.ContainsKey("@type")))
            {
                throw new JsonLdException("A value object may have only @value with @language or @type.");
            }

            if (result.TryGetValue("@type", out var valueTypes) && valueTypes is List<string> typeList)
            {
                if (typeList.Count != 1)
                {
                    throw new JsonLdException("A value object has exactly one @type.");
                }

                result["@type"] = typeList[0];
            }

            if (inputIsJson)
            {
                result["@type"] = "@json";
                return result;
            }

            if (value is null)
            {
                return null;
            }

            if (value is not JsonValue)
            {
                throw new JsonLdException("@value must be a string, a number or a boolean.");
            }

            if (result.ContainsKey("@language") && ((JsonValue)value).GetValueKind() != JsonValueKind.String)
            {
                throw new JsonLdException("Only a string value can have a @language.");
            }

            if (result.TryGetValue("@type", out var datatype) && !IriExpansion.IsAbsoluteIri((string?)datatype))
            {
                throw new JsonLdException("The @type of a value must be an absolute IRI.");
            }
        }
        else if (result.TryGetValue("@set", out var set))
        {
            if (result.Count != 1)
            {
                throw new JsonLdException("An object with @set may have no other entries.");
            }

            return set;
        }
        else if (result.ContainsKey("@list") && result.Count != 1)
        {
            throw new JsonLdException("An object with @list may have no other entries.");
        }

        if (result.Count == 1 && result.ContainsKey("@language"))
        {
            return null;
        }

        if (activeProperty is null or "@graph"
            && (result.Count == 0 || result.ContainsKey("@value") || result.ContainsKey("@list") || (result.Count == 1 && result.ContainsKey("@id"))))
        {
            return null;
        }

        return result;
    }

    private static string? Iri(ActiveContext active, string value, bool vocab)
    {
        return IriExpansion.Expand(value, vocab, active.Terms, active.Vocab);
    }

    private static void AddValues(List<object?> target, object? value)
    {
        if (value is List<object?> list)
        {
            target.AddRange(list);
        }
        else
        {
            target.Add(value);
        }
    }

    private static List<object?> AsList(object? value)
    {
        return value switch
        {
            null => [],
            List<object?> list => list,
            _ => [value],
        };
    }
}
