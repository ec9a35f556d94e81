namespace Osaamismerkit.Baseline;

public sealed record AreaLevelView(int Area, int Level, int? SelfAssessment);
