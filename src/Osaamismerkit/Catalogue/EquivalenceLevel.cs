namespace Osaamismerkit.Catalogue;

/// <summary>One level of the other scheme (e.g. perusosaaja), in its order from the bottom.</summary>
public sealed record EquivalenceLevel(string Code, int Order, LocalizedText Name, bool Verified);
