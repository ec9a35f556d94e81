namespace Osaamismerkit.Catalogue;

/// <summary>An observable task the instructor watches the client do.</summary>
public sealed record Criterion(string Id, LocalizedText Text, bool Required = true);
