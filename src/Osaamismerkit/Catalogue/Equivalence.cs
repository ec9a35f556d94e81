namespace Osaamismerkit.Catalogue;

/// <summary>
/// One badge of ours against the other scheme: <c>below</c> (prepares for the level), <c>partial</c> (covers part of
/// it), <c>beyond</c> (goes further on the same topic) or <c>none</c>.
/// </summary>
public sealed record Equivalence(string Badge, string? TiekeLevel, string? TiekeBadge, string Relation);
