namespace Osaamismerkit.Issuing;

public sealed record RevokeRequest(string? Reason);
