namespace Osaamismerkit.Catalogue;

public sealed record DigCompView(string Framework, string TargetUrl, IReadOnlyList<DigCompAreaView> Areas, IReadOnlyList<ProficiencyLevelView> ProficiencyLevels);
