namespace Osaamismerkit.Infrastructure;

/// <summary>A setting production must have is missing or unusable; start-up stops with this message and nothing else.</summary>
public sealed class MissingConfigurationException(string message) : Exception(message);
