namespace Osaamismerkit.Baseline;

/// <summary>One competence area from the client's first baseline to the latest one.</summary>
public sealed record AreaChange(
    int Area,
    string Name,
    int First,
    int Latest,
    int Change,
    int? FirstSelfAssessment,
    int? LatestSelfAssessment);
