namespace Osaamismerkit.ClientMessages;

/// <summary>
/// Where an outbox message is: queued (waiting, also between retries), sending (claimed by a worker until its lease
/// runs out), sent (the SMTP server accepted it), failed (refused for good, or out of attempts), or cancelled (the
/// client refused messages or has no e-mail address any more when it was due).
/// </summary>
public static class MessageStatuses
{
    public const string Queued = "queued";

    public const string Sending = "sending";

    public const string Sent = "sent";

    public const string Failed = "failed";

    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Queued, Sending, Sent, Failed, Cancelled];
}
