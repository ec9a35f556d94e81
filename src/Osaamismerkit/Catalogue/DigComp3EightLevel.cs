namespace Osaamismerkit.Catalogue;

/// <summary>DigComp 3.0's mapping of the eight earlier levels onto its four: level 1 and 2 are basic, 3 and 4 intermediate, …</summary>
public sealed record DigComp3EightLevel(int Level, string Proficiency, LocalizedText Description);
