using Osaamismerkit.Catalogue;

namespace Osaamismerkit.Assessments;

/// <summary>An assessment request that passed its checks, with its values trimmed.</summary>
/// <param name="Statement">Published in the badge.</param>
/// <param name="InternalNote">Kept for staff; null when none was written.</param>
public sealed record ValidAssessment(
    BadgeDefinition Badge, DateOnly Date, Dictionary<string, bool> Results, string Statement, string? InternalNote);
