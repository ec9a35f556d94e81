namespace Osaamismerkit.Verification;

public sealed record VerifiedBadge(string Id, string Version, string Name, int Level, string LevelName, string Image, string BadgeClass);
