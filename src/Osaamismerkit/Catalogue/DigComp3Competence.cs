namespace Osaamismerkit.Catalogue;

public sealed record DigComp3Competence(string Code, LocalizedText Name, IReadOnlyList<LearningOutcome> LearningOutcomes)
{
    public LearningOutcome? FindLearningOutcome(string code) => LearningOutcomes.FirstOrDefault(o => o.Code == code);
}
