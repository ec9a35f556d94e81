namespace Osaamismerkit.Catalogue;

public sealed record ProficiencyLevel(int Level, LocalizedText Name, LocalizedText Description);
