using System.Security.Cryptography;
using System.Text;

namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>
/// RDF Dataset Canonicalization RDFC-1.0 (W3C Recommendation, May 2024) with SHA-256, returning canonical
/// N-Quads. Step numbers in comments are the Recommendation's. Like rdf-canonize, the first-degree hashes
/// are computed once (the "simple" loop of §4.4.3 step 5 can never issue anything on a second pass) and the
/// number of Hash N-Degree Quads calls is bounded by (non-unique blank nodes)^work factor, which stops
/// "poison" graphs; work factor 1 is rdf-canonize's default, so what one refuses the other refuses too.
/// </summary>
internal sealed class Rdfc10Canonicalizer
{
    private readonly IReadOnlyList<RdfQuad> _quads;
    private readonly Dictionary<string, List<RdfQuad>> _blankNodeQuads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _firstDegreeHashes = new(StringComparer.Ordinal);
    private readonly IdentifierIssuer _canonicalIssuer = new("c14n");
    private readonly int _maxWorkFactor;
    private long _remainingDeepIterations;

    private Rdfc10Canonicalizer(IReadOnlyList<RdfQuad> quads, int maxWorkFactor)
    {
        _quads = quads;
        _maxWorkFactor = maxWorkFactor;
    }

    public static string Canonicalize(IReadOnlyList<RdfQuad> quads, int maxWorkFactor = 1)
    {
        return new Rdfc10Canonicalizer(quads, maxWorkFactor).Run();
    }

    private string Run()
    {
        // Step 2: the blank node to quads map.
        foreach (var quad in _quads)
        {
            AddBlankNodeQuad(quad.Subject, quad);
            AddBlankNodeQuad(quad.Object, quad);
            if (quad.Graph is not null)
            {
                AddBlankNodeQuad(quad.Graph, quad);
            }
        }

        // Step 5: first-degree hashes; blank nodes with a unique hash get their canonical label in hash order.
        var hashToBlankNodes = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var label in _blankNodeQuads.Keys)
        {
            var hash = HashFirstDegreeQuads(label);
            if (!hashToBlankNodes.TryGetValue(hash, out var labels))
            {
                labels = [];
                hashToBlankNodes[hash] = labels;
            }

            labels.Add(label);
        }

        var nonUnique = new List<List<string>>();
        foreach (var labels in hashToBlankNodes.Values)
        {
            if (labels.Count > 1)
            {
                nonUnique.Add(labels);
            }
            else
            {
                _canonicalIssuer.Issue(labels[0]);
            }
        }

        var nonUniqueCount = nonUnique.Sum(l => l.Count);
        _remainingDeepIterations = (long)Math.Min(Math.Pow(nonUniqueCount, _maxWorkFactor), long.MaxValue);

        // Step 6: tied blank nodes, told apart by the N-degree hashes of their neighbourhoods.
        foreach (var labels in nonUnique)
        {
            var hashPaths = new List<(string Hash, IdentifierIssuer Issuer)>();
            foreach (var label in labels)
            {
                if (_canonicalIssuer.Has(label))
                {
                    continue;
                }

                var temporary = new IdentifierIssuer("b");
                temporary.Issue(label);
                hashPaths.Add(HashNDegreeQuads(label, temporary));
            }

            foreach (var (_, issuer) in hashPaths.OrderBy(p => p.Hash, StringComparer.Ordinal))
            {
                foreach (var existing in issuer.IssuedOrder)
                {
                    _canonicalIssuer.Issue(existing);
                }
            }
        }

        // Step 7: relabel, serialise, sort in code unit order (as JavaScript's sort, which jsonld.js uses).
        var lines = new string[_quads.Count];
        for (var i = 0; i < _quads.Count; i++)
        {
            lines[i] = NQuadsSerializer.Serialize(_quads[i], CanonicalLabel);
        }

        Array.Sort(lines, StringComparer.Ordinal);
        return string.Concat(lines);
    }

    private string CanonicalLabel(RdfTerm blank) => _canonicalIssuer.Issue(blank.Value);

    private void AddBlankNodeQuad(RdfTerm term, RdfQuad quad)
    {
        if (!term.IsBlank)
        {
            return;
        }

        if (!_blankNodeQuads.TryGetValue(term.Value, out var quads))
        {
            quads = [];
            _blankNodeQuads[term.Value] = quads;
        }

        if (quads.Count == 0 || !ReferenceEquals(quads[^1], quad))
        {
            quads.Add(quad);
        }
    }

    /// <summary>§4.6: the quads that mention the blank node, it as _:a and any other as _:z, sorted and hashed.</summary>
    private string HashFirstDegreeQuads(string label)
    {
        if (_firstDegreeHashes.TryGetValue(label, out var cached))
        {
            return cached;
        }

        var quads = _blankNodeQuads[label];
        var lines = new string[quads.Count];
        for (var i = 0; i < quads.Count; i++)
        {
            lines[i] = NQuadsSerializer.Serialize(quads[i], blank => blank.Value == label ? "a" : "z");
        }

        Array.Sort(lines, StringComparer.Ordinal);
        var hash = Sha256Hex(string.Concat(lines));
        _firstDegreeHashes[label] = hash;
        return hash;
    }

    /// <summary>§4.7.</summary>
    private string HashRelatedBlankNode(string related, RdfQuad quad, IdentifierIssuer issuer, char position)
    {
        var input = new StringBuilder();
        input.Append(position);
        if (position != 'g')
        {
            input.Append('<').Append(quad.Predicate.Value).Append('>');
        }

        if (_canonicalIssuer.TryGet(related, out var canonical))
        {
            input.Append("_:").Append(canonical);
        }
        else if (issuer.TryGet(related, out var temporary))
        {
            input.Append("_:").Append(temporary);
        }
        else
        {
            input.Append(HashFirstDegreeQuads(related));
        }

        return Sha256Hex(input.ToString());
    }

    /// <summary>§4.8.</summary>
    private (string Hash, IdentifierIssuer Issuer) HashNDegreeQuads(string label, IdentifierIssuer issuer)
    {
        if (_remainingDeepIterations-- <= 0)
        {
            throw new JsonLdException("The document's blank nodes are too symmetric to canonicalise within the work limit.");
        }

        // Steps 1–3: group the neighbouring blank nodes by how they relate to this one.
        var hashToRelated = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var quad in _blankNodeQuads[label])
        {
            AddRelated(quad.Subject, 's');
            AddRelated(quad.Object, 'o');
            if (quad.Graph is not null)
            {
                AddRelated(quad.Graph, 'g');
            }

            void AddRelated(RdfTerm term, char position)
            {
                if (!term.IsBlank || term.Value == label)
                {
                    return;
                }

                var hash = HashRelatedBlankNode(term.Value, quad, issuer, position);
                if (!hashToRelated.TryGetValue(hash, out var related))
                {
                    related = [];
                    hashToRelated[hash] = related;
                }

                related.Add(term.Value);
            }
        }

        // Step 5: for each group, the permutation giving the least path decides the labels.
        var dataToHash = new StringBuilder();
        foreach (var (relatedHash, blankNodes) in hashToRelated)
        {
            dataToHash.Append(relatedHash);
            var chosenPath = string.Empty;
            IdentifierIssuer? chosenIssuer = null;
            foreach (var permutation in Permutations(blankNodes))
            {
                var issuerCopy = issuer.Copy();
                var path = new StringBuilder();
                var recursionList = new List<string>();
                var skip = false;
                foreach (var related in permutation)
                {
                    if (_canonicalIssuer.TryGet(related, out var canonical))
                    {
                        path.Append("_:").Append(canonical);
                    }
                    else
                    {
                        if (!issuerCopy.Has(related))
                        {
                            recursionList.Add(related);
                        }

                        path.Append("_:").Append(issuerCopy.Issue(related));
                    }

                    if (chosenPath.Length != 0 && string.CompareOrdinal(path.ToString(), chosenPath) > 0)
                    {
                        skip = true;
                        break;
                    }
                }

                if (skip)
                {
                    continue;
                }

                foreach (var related in recursionList)
                {
                    var result = HashNDegreeQuads(related, issuerCopy);
                    path.Append("_:").Append(issuerCopy.Issue(related));
                    path.Append('<').Append(result.Hash).Append('>');
                    issuerCopy = result.Issuer;
                    if (chosenPath.Length != 0 && string.CompareOrdinal(path.ToString(), chosenPath) > 0)
                    {
                        skip = true;
                        break;
                    }
                }

                if (skip)
                {
                    continue;
                }

                var candidate = path.ToString();
                if (chosenPath.Length == 0 || string.CompareOrdinal(candidate, chosenPath) < 0)
                {
                    chosenPath = candidate;
                    chosenIssuer = issuerCopy;
                }
            }

            dataToHash.Append(chosenPath);
            issuer = chosenIssuer!;
        }

        return (Sha256Hex(dataToHash.ToString()), issuer);
    }

    /// <summary>
    /// Every ordering of the list, in the Steinhaus–Johnson–Trotter order rdf-canonize uses, so that the work
    /// limit is reached on the same inputs (the chosen path itself does not depend on the order).
    /// </summary>
    private static IEnumerable<string[]> Permutations(List<string> items)
    {
        var current = items.Order(StringComparer.Ordinal).ToArray();
        var leftward = current.ToDictionary(i => i, _ => true, StringComparer.Ordinal);
        while (true)
        {
            yield return (string[])current.Clone();
            string? mobile = null;
            var position = 0;
            for (var i = 0; i < current.Length; i++)
            {
                var element = current[i];
                var left = leftward[element];
                var isMobile = (left && i > 0 && string.CompareOrdinal(element, current[i - 1]) > 0)
                    || (!left && i < current.Length - 1 && string.CompareOrdinal(element, current[i + 1]) > 0);
                if (isMobile && (mobile is null || string.CompareOrdinal(element, mobile) > 0))
                {
                    mobile = element;
                    position = i;
                }
            }

            if (mobile is null)
            {
                yield break;
            }

            var swap = leftward[mobile] ? position - 1 : position + 1;
            current[position] = current[swap];
            current[swap] = mobile;
            foreach (var element in current)
            {
                if (string.CompareOrdinal(element, mobile) > 0)
                {
                    leftward[element] = !leftward[element];
                }
            }
        }
    }

    private static string Sha256Hex(string text)
    {
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
