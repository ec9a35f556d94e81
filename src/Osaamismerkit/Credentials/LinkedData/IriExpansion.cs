namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>
/// IRI Expansion (JSON-LD 1.1 API §5.2) without a base IRI: a document here has no URL of its own, so a
/// relative reference stays relative and the RDF step refuses it (<see cref="RdfDatasetBuilder"/>).
/// </summary>
internal static class IriExpansion
{
    private static readonly HashSet<string> Keywords =
    [
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@graph", "@id", "@import",
        "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault", "@prefix", "@preserve",
        "@propagate", "@protected", "@requireAll", "@reverse", "@set", "@type", "@value", "@version", "@vocab",
    ];

    public static bool IsKeyword(string value) => Keywords.Contains(value);

    /// <summary>"@" followed by letters only: reserved for future keywords, and ignored (§3.3 of the syntax).</summary>
    public static bool LooksLikeKeyword(string value)
    {
        if (value.Length < 2 || value[0] != '@')
        {
            return false;
        }

        foreach (var c in value.AsSpan(1))
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The same test as jsonld.js: a scheme, a colon, and no white space.</summary>
    public static bool IsAbsoluteIri(string? value)
    {
        if (string.IsNullOrEmpty(value) || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1)
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = value[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        foreach (var c in value.AsSpan(colon + 1))
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    public static string? Expand(string value, bool vocab, IReadOnlyDictionary<string, TermDefinition> terms, string? vocabMapping)
    {
        if (IsKeyword(value))
        {
            return value;
        }

        if (LooksLikeKeyword(value))
        {
            return null;
        }

        if (terms.TryGetValue(value, out var definition))
        {
            if (definition.Iri is not null && IsKeyword(definition.Iri))
            {
                return definition.Iri;
            }

            if (vocab)
            {
                return definition.Iri;
            }
        }

        var colon = value.IndexOf(':', 1 < value.Length ? 1 : 0);
        if (colon > 0)
        {
            var prefix = value[..colon];
            var suffix = value[(colon + 1)..];
            if (prefix == "_" || suffix.StartsWith("//", StringComparison.Ordinal))
            {
                return value;
            }

            if (terms.TryGetValue(prefix, out var prefixDefinition) && prefixDefinition.Iri is not null && prefixDefinition.Prefix)
            {
                return prefixDefinition.Iri + suffix;
            }

            if (IsAbsoluteIri(value))
            {
                return value;
            }
        }

        if (vocab && vocabMapping is not null)
        {
            return vocabMapping + value;
        }

        return value;
    }
}
