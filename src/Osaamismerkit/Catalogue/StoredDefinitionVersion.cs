namespace Osaamismerkit.Catalogue;

/// <summary>A definition version as recorded, with the hash of its content.</summary>
public sealed record StoredDefinitionVersion(string BadgeId, string Version, string ContentHash);
