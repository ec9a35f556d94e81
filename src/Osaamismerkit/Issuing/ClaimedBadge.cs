namespace Osaamismerkit.Issuing;

public sealed record ClaimedBadge(Guid AssertionId, string BadgeId, Guid ReplacedAssertionId);
