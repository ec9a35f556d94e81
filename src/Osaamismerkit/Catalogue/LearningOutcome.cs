namespace Osaamismerkit.Catalogue;

/// <summary>
/// One DigComp 3.0 learning outcome by its code (e.g. "LO1.1.05"), its four-level proficiency key, whether it is
/// knowledge, skill or attitude, and the framework's AI label (explicit, implicit, none). Its text is not stored: we cite.
/// </summary>
public sealed record LearningOutcome(string Code, string Proficiency, string Kind, string Ai);
