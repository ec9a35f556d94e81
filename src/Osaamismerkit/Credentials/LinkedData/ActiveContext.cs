namespace Osaamismerkit.Credentials.LinkedData;

/// <summary>
/// The active context of JSON-LD 1.1 expansion. Never changed once built: processing a context makes a new
/// one, so contexts can be cached and shared between documents and threads.
/// </summary>
internal sealed class ActiveContext
{
    public static ActiveContext Initial { get; } = new(new Dictionary<string, TermDefinition>(StringComparer.Ordinal), null, null, null);

    public ActiveContext(IReadOnlyDictionary<string, TermDefinition> terms, string? vocab, string? defaultLanguage, ActiveContext? previous)
    {
        Terms = terms;
        Vocab = vocab;
        DefaultLanguage = defaultLanguage;
        Previous = previous;
    }

    public IReadOnlyDictionary<string, TermDefinition> Terms { get; }

    public string? Vocab { get; }

    public string? DefaultLanguage { get; }

    /// <summary>The context to return to for nested nodes after a type-scoped context, which does not propagate.</summary>
    public ActiveContext? Previous { get; }

    public TermDefinition? Term(string? term) => term is not null && Terms.TryGetValue(term, out var definition) ? definition : null;
}
