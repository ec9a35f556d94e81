using System.Xml;
using System.Xml.Linq;

namespace Osaamismerkit.Verification;

/// <summary>Bakes a signed assertion into an SVG as &lt;openbadges:assertion verify="JWS"/&gt; and reads it back safely.</summary>
public static class SvgBadge
{
    public static readonly XNamespace OpenBadges = "http://openbadges.org";

    public static string Bake(string svg, string jws)
    {
        var document = Parse(svg) ?? throw new ArgumentException("Not a valid SVG.", nameof(svg));
        var root = document.Root!;
        root.Elements(OpenBadges + "assertion").Remove();
        root.SetAttributeValue(XNamespace.Xmlns + "openbadges", OpenBadges.NamespaceName);
        root.AddFirst(new XElement(OpenBadges + "assertion", new XAttribute("verify", jws)));
        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    public static string? Extract(string svg)
    {
        var elements = Parse(svg)?.Root?.Descendants(OpenBadges + "assertion").ToList();
        if (elements is not { Count: 1 })
        {
            return null;
        }

        var value = (string?)elements[0].Attribute("verify") ?? elements[0].Value;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static XDocument? Parse(string svg)
    {
        // No DTDs and no external entities: uploads are untrusted.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = 4 * 1024 * 1024,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), settings);
            var document = XDocument.Load(reader);
            return document.Root?.Name.LocalName == "svg" ? document : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
