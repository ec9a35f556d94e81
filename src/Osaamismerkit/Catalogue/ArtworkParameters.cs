namespace Osaamismerkit.Catalogue;

public sealed record ArtworkParameters(string Glyph);
