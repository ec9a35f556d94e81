namespace Osaamismerkit.Baseline;

/// <summary>One competence area of a baseline as sent: the instructor's level and, optionally, the client's own view.</summary>
public sealed record AreaLevelInput(int? Area, int? Level, int? SelfAssessment);
