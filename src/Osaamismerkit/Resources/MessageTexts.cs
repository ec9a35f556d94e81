namespace Osaamismerkit.Resources;

/// <summary>
/// Marker for the texts of messages to clients in MessageTexts.resx (fi), MessageTexts.sv.resx and MessageTexts.en.resx:
/// plain language (selkokieli, lättläst), short sentences, one thing each.
/// </summary>
public sealed class MessageTexts;
