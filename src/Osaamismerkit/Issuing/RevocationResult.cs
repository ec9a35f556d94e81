namespace Osaamismerkit.Issuing;

public sealed record RevocationResult(string AssertionId, DateTimeOffset RevokedAt, string Reason);
