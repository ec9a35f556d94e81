namespace Osaamismerkit.Catalogue;

public sealed record DigCompAreaView(int Number, string Name, IReadOnlyList<DigCompCompetenceView> Competences);
