namespace Osaamismerkit.Catalogue;

public sealed record DigCompCompetenceView(string Code, string Name);
