namespace Osaamismerkit.Assessments;

public sealed record CriterionResult(string? Id, bool? Met);
