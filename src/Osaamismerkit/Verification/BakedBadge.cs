namespace Osaamismerkit.Verification;

public sealed record BakedBadge(string BadgeId, byte[] Content);
