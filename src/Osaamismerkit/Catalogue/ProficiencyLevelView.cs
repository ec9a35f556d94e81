namespace Osaamismerkit.Catalogue;

public sealed record ProficiencyLevelView(int Level, string Name, string Description);
