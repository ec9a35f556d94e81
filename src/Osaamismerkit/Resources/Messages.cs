namespace Osaamismerkit.Resources;

/// <summary>Marker for the user-facing texts in Messages.resx (fi), Messages.sv.resx and Messages.en.resx.</summary>
public sealed class Messages;
