namespace Osaamismerkit.ClientMessages;

/// <summary>True: the client does not want messages. False: messages may be sent again.</summary>
public sealed record MessageRefusalRequest(bool? Refused);
