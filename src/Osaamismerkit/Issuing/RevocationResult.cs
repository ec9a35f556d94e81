namespace Osaamismerkit.Issuing;

/// <param name="Reason">The published reason code.</param>
/// <param name="InternalNote">The staff-only note, if any.</param>
public sealed record RevocationResult(string AssertionId, DateTimeOffset RevokedAt, string Reason, string? InternalNote);
