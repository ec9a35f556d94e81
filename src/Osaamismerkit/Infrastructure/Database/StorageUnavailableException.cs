namespace Osaamismerkit.Infrastructure.Database;

/// <summary>The database or the data folder cannot be written at start-up; the message says which, why and what to do.</summary>
public sealed class StorageUnavailableException(string message, Exception innerException) : Exception(message, innerException);
