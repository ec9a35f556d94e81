using System.Collections.Concurrent;
using System.Text;
using Osaamismerkit.Catalogue.Artwork;

namespace Osaamismerkit.Catalogue;

/// <summary>Badge artwork rendered once per badge from its definition and kept for the life of the process.</summary>
public sealed class BadgeImages(BadgeCatalogue catalogue)
{
    private readonly ConcurrentDictionary<string, byte[]> _png = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _svg = new(StringComparer.Ordinal);

    public static ArtworkSpec SpecOf(BadgeDefinition badge) =>
        new(badge.Artwork.Glyph, badge.PrimaryArea, badge.Level, badge.Kind == BadgeKind.Milestone);

    /// <summary>The issuer's own image: the catalogue's milestone star, in the colour of area 2 (communication).</summary>
    public static readonly ArtworkSpec IssuerSpec = new("star", 2, 4, Milestone: true);

    public byte[]? Png(string badgeId) =>
        catalogue.Find(badgeId) is { } badge ? _png.GetOrAdd(badgeId, _ => BadgeArtwork.RenderPng(SpecOf(badge))) : null;

    public byte[]? Svg(string badgeId) =>
        catalogue.Find(badgeId) is { } badge ? _svg.GetOrAdd(badgeId, _ => Encoding.UTF8.GetBytes(BadgeArtwork.RenderSvg(SpecOf(badge)))) : null;

    public byte[] IssuerPng() => _png.GetOrAdd("$issuer", _ => BadgeArtwork.RenderPng(IssuerSpec));

    /// <summary>
    /// The issuer's image for certificates, where it is printed 14 mm tall: 256 px is still over 450 dpi there. Skia
    /// re-compresses every image into every PDF, and at 512 px this one took a third of a one-page certificate's time.
    /// </summary>
    public byte[] IssuerPrintPng() => _png.GetOrAdd("$issuer-print", _ => BadgeArtwork.RenderPng(IssuerSpec, BadgeArtwork.MinPngSize));
}
