namespace Osaamismerkit.Assessments;

/// <summary>One client of a group session: their criteria, and a statement or internal note of their own if needed.</summary>
public sealed record GroupMember(string? ClientId, IReadOnlyList<CriterionResult>? Criteria, string? Statement, string? InternalNote);
