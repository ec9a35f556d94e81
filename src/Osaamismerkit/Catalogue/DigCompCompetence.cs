namespace Osaamismerkit.Catalogue;

public sealed record DigCompCompetence(string Code, LocalizedText Name);
