namespace Osaamismerkit.Catalogue;

/// <summary>One of DigComp 3.0's four proficiency levels (basic, intermediate, advanced, highly advanced).</summary>
public sealed record DigComp3Proficiency(string Key, LocalizedText Name, LocalizedText Description);
