namespace Osaamismerkit.Resources;

/// <summary>Marker for the texts of the public badge pages and the client's wallet: PublicTexts.resx (fi), .sv.resx, .en.resx.</summary>
public sealed class PublicTexts;
