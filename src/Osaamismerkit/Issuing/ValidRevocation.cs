namespace Osaamismerkit.Issuing;

/// <summary>A revocation reason that passed its checks: a published code and an optional staff-only note.</summary>
public sealed record ValidRevocation(string Reason, string? InternalNote);
