namespace Osaamismerkit.Catalogue;

/// <summary>A DigComp 3.0 competence a badge aligns to, with the learning outcomes (codes) its criteria cover.</summary>
public sealed record DigComp3Reference(string Competence, IReadOnlyList<string> LearningOutcomes)
{
    public int Area => Competence[0] - '0';
}
