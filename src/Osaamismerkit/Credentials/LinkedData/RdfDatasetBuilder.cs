using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>
/// Deserialize JSON-LD to RDF (JSON-LD 1.1 API §7.2–7.4) from the expanded form. Nodes are walked directly
/// instead of through a node map: the dataset is a set, so duplicates are dropped, and blank node labels
/// need not match jsonld.js because RDFC-1.0 relabels them. Anything jsonld.js would silently drop
/// (relative IRIs, blank node predicates) is refused instead, as in its "safe" mode.
/// </summary>
internal sealed class RdfDatasetBuilder
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Xsd = "http://www.w3.org/2001/XMLSchema#";

    private static readonly RdfTerm RdfType = RdfTerm.Iri(Rdf + "type");
    private static readonly RdfTerm RdfFirst = RdfTerm.Iri(Rdf + "first");
    private static readonly RdfTerm RdfRest = RdfTerm.Iri(Rdf + "rest");
    private static readonly RdfTerm RdfNil = RdfTerm.Iri(Rdf + "nil");

    private readonly List<RdfQuad> _quads = [];
    private readonly HashSet<RdfQuad> _seen = [];
    private readonly Dictionary<string, RdfTerm> _documentBlankNodes = new(StringComparer.Ordinal);
    private int _nextBlank;

    public static List<RdfQuad> Build(List<object?> expanded)
    {
        var builder = new RdfDatasetBuilder();
        foreach (var node in expanded)
        {
            builder.Node(AsMap(node), null);
        }

        return builder._quads;
    }

    private RdfTerm Node(Dictionary<string, object?> node, RdfTerm? graph)
    {
        var subject = node.TryGetValue("@id", out var id) ? Resource((string)id!, "@id") : NewBlank();
        if (node.TryGetValue("@type", out var types))
        {
            foreach (var type in (List<string>)types!)
            {
                Add(subject, RdfType, Resource(type, "@type"), graph);
            }
        }

        if (node.TryGetValue("@graph", out var members))
        {
            foreach (var member in (List<object?>)members!)
            {
                Node(AsMap(member), subject);
            }
        }

        foreach (var (property, values) in node)
        {
            if (property.StartsWith('@'))
            {
                continue;
            }

            if (!IriExpansion.IsAbsoluteIri(property) || property.StartsWith("_:", StringComparison.Ordinal))
            {
                throw new JsonLdException($"The property {property} is not an absolute IRI, so it would not be signed.");
            }

            var predicate = RdfTerm.Iri(property);
            foreach (var value in (List<object?>)values!)
            {
                Add(subject, predicate, Object(AsMap(value), graph), graph);
            }
        }

        return subject;
    }

    private RdfTerm Object(Dictionary<string, object?> item, RdfTerm? graph)
    {
        if (item.TryGetValue("@value", out var value))
        {
            return Literal(item, value);
        }

        if (item.TryGetValue("@list", out var list))
        {
            return List((List<object?>)list!, graph);
        }

        return Node(item, graph);
    }

    private RdfTerm List(List<object?> items, RdfTerm? graph)
    {
        if (items.Count == 0)
        {
            return RdfNil;
        }

        var head = NewBlank();
        var current = head;
        for (var i = 0; i < items.Count; i++)
        {
            Add(current, RdfFirst, Object(AsMap(items[i]), graph), graph);
            var next = i == items.Count - 1 ? RdfNil : NewBlank();
            Add(current, RdfRest, next, graph);
            current = next;
        }

        return head;
    }

    private static RdfTerm Literal(Dictionary<string, object?> item, object? value)
    {
        var datatype = item.TryGetValue("@type", out var type) ? (string?)type : null;
        if (datatype == "@json")
        {
            return new RdfTerm(RdfTermKind.Literal, JsonCanonicalization.Serialize((JsonNode?)value), Rdf + "JSON");
        }

        var json = (JsonValue)value!;
        switch (json.GetValueKind())
        {
            case JsonValueKind.True:
            case JsonValueKind.False:
                return new RdfTerm(RdfTermKind.Literal, json.GetValueKind() == JsonValueKind.True ? "true" : "false", datatype ?? Xsd + "boolean");
            case JsonValueKind.Number:
                var number = double.Parse(json.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                var isDouble = Math.Abs(number) >= 1e21 || number != Math.Floor(number) || datatype == Xsd + "double";
                return isDouble
                    ? new RdfTerm(RdfTermKind.Literal, CanonicalDouble(number), datatype ?? Xsd + "double")
                    : new RdfTerm(RdfTermKind.Literal, new BigInteger(number).ToString(CultureInfo.InvariantCulture), datatype ?? Xsd + "integer");
            default:
                var text = json.GetValue<string>();
                if (item.TryGetValue("@language", out var language))
                {
                    return new RdfTerm(RdfTermKind.Literal, text, RdfTerm.RdfLangString, (string?)language);
                }

                // jsonld.js reads a string typed xsd:double as a number and writes it in canonical form.
                if (datatype == Xsd + "double" && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    text = CanonicalDouble(parsed);
                }

                return new RdfTerm(RdfTermKind.Literal, text, datatype ?? RdfTerm.XsdString);
        }
    }

    /// <summary>The xsd:double form JSON-LD prescribes, as JavaScript's toExponential(15) tidied: "1.5E0".</summary>
    internal static string CanonicalDouble(double number)
    {
        var text = number.ToString("0.000000000000000E+0", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = text[..e].TrimEnd('0');
        if (mantissa.EndsWith('.'))
        {
            mantissa += "0";
        }

        var exponent = text[(e + 1)..].TrimStart('+');
        return mantissa + "E" + exponent;
    }

    private RdfTerm Resource(string value, string what)
    {
        if (value.StartsWith("_:", StringComparison.Ordinal))
        {
            if (!_documentBlankNodes.TryGetValue(value, out var blank))
            {
                blank = NewBlank();
                _documentBlankNodes[value] = blank;
            }

            return blank;
        }

        return IriExpansion.IsAbsoluteIri(value)
            ? RdfTerm.Iri(value)
            : throw new JsonLdException($"The {what} \"{value}\" is not an absolute IRI, so it would not be signed.");
    }

    private RdfTerm NewBlank() => RdfTerm.Blank("b" + _nextBlank++.ToString(CultureInfo.InvariantCulture));

    private void Add(RdfTerm subject, RdfTerm predicate, RdfTerm obj, RdfTerm? graph)
    {
        var quad = new RdfQuad(subject, predicate, obj, graph);
        if (_seen.Add(quad))
        {
            _quads.Add(quad);
        }
    }

    private static Dictionary<string, object?> AsMap(object? value)
    {
        return value as Dictionary<string, object?> ?? throw new JsonLdException("Expected a node object.");
    }
}
