namespace Osaamismerkit.Catalogue;

public sealed record DigComp3Area(int Number, LocalizedText Name, IReadOnlyList<DigComp3Competence> Competences);
