namespace Osaamismerkit.Clients;

/// <summary>Erasure must be confirmed by typing the client's id, so a slip of the mouse cannot erase.</summary>
public sealed record ClientErasureRequest(string? ConfirmClientId);
