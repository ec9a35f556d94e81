namespace Osaamismerkit.Issuing;

public static class AssertionStatus
{
    public const string Valid = "valid";
    public const string Revoked = "revoked";
    public const string Expired = "expired";

    public static string Of(DateTimeOffset? revokedAt, DateTimeOffset? expires, DateTimeOffset now) =>
        revokedAt is not null ? Revoked : expires is { } e && e <= now ? Expired : Valid;
}
