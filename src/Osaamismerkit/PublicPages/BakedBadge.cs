namespace Osaamismerkit.PublicPages;

public sealed record BakedBadge(string BadgeId, byte[] Content);
