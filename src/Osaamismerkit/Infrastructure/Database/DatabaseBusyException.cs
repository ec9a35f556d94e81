namespace Osaamismerkit.Infrastructure.Database;

/// <summary>No turn to write within the busy timeout: answered like a busy SQLite, 503 with Retry-After.</summary>
public sealed class DatabaseBusyException(string message) : Exception(message);
