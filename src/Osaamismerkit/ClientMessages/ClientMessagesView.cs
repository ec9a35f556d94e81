namespace Osaamismerkit.ClientMessages;

/// <summary>What staff see of one client's messages: whether they are refused, whether there is an address, and each message's state.</summary>
public sealed record ClientMessagesView(string ClientId, bool RefusesMessages, bool HasEmail, IReadOnlyList<OutboxEntry> Messages);
