namespace Osaamismerkit.ClientMessages;

/// <summary>What a message to the client tells of: one message per assertion and kind.</summary>
public static class MessageKinds
{
    public const string Issued = "issued";

    public const string Claimed = "claimed";

    public const string Expiring = "expiring";

    public const string Revoked = "revoked";
}
