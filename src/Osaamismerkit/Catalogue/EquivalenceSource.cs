namespace Osaamismerkit.Catalogue;

/// <summary>Where the other scheme's facts were read, and how far they were checked.</summary>
public sealed record EquivalenceSource(IReadOnlyList<string> Urls, string ReadOn, bool Verified, string Note);
