namespace Osaamismerkit.Assessments;

/// <summary>Every client's own result, in the order they were sent, and how many ended each way.</summary>
public sealed record GroupResult(IReadOnlyList<GroupMemberResult> Results, int Issued, int Progress, int Refused, int Invalid);
