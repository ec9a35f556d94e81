namespace Osaamismerkit.Issuing;

public sealed record ClaimResult(string AssertionId, string BadgeId, string PublicUrl, string ReplacedAssertionId);
