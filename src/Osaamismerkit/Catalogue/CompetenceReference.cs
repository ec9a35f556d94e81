namespace Osaamismerkit.Catalogue;

/// <summary>A DigComp competence by code, e.g. "2.3"; the area is its first digit.</summary>
public sealed record CompetenceReference(string Framework, string Competence)
{
    public int Area => Competence[0] - '0';
}
