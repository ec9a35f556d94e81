namespace Osaamismerkit.Catalogue.Artwork;

public sealed record ArtworkSpec(string Glyph, int Area, int Level, bool Milestone);
