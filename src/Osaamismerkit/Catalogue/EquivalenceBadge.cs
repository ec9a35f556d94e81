namespace Osaamismerkit.Catalogue;

/// <summary>One badge of the other scheme, by its own (Finnish) name.</summary>
public sealed record EquivalenceBadge(string Code, string Level, string Name, bool Verified);
