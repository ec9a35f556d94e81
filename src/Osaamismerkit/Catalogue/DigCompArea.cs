namespace Osaamismerkit.Catalogue;

public sealed record DigCompArea(int Number, LocalizedText Name, IReadOnlyList<DigCompCompetence> Competences);
