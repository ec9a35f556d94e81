using System.Xml;
using System.Xml.Linq;

namespace Osaamismerkit.PublicPages;

/// <summary>Bakes a signed assertion into an SVG as &lt;openbadges:assertion verify="JWS"/&gt; and reads it back safely.</summary>
public static class SvgBadge
{
    public static readonly XNamespace OpenBadges = "http://openbadges.org";

    // Badge artwork is a few levels deep; far deeper is an attack, not a drawing.
    private const int MaxDepth = 256;

    // No DTDs and no external entities: uploads are untrusted.
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 4 * 1024 * 1024,
    };

    public static string Bake(string svg, string jws)
    {
        var document = Parse(svg) ?? throw new ArgumentException("Not a valid SVG.", nameof(svg));
        var root = document.Root!;
        root.Elements(OpenBadges + "assertion").Remove();
        root.SetAttributeValue(XNamespace.Xmlns + "openbadges", OpenBadges.NamespaceName);
        root.AddFirst(new XElement(OpenBadges + "assertion", new XAttribute("verify", jws)));
        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// The baked assertion, or null if the SVG is broken, too deep, or holds none or several. Read as a stream, never as
    /// a tree: XDocument.Load takes time quadratic in the nesting depth, so a 1.4 MB upload of 200 000 nested
    /// elements kept a request busy for minutes (found by fuzzing).
    /// </summary>
    public static string? Extract(string svg)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), ReaderSettings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "svg")
            {
                return null;
            }

            string? found = null;
            var assertions = 0;
            do
            {
                if (reader.Depth > MaxDepth)
                {
                    return null;
                }

                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "assertion" && reader.NamespaceURI == OpenBadges.NamespaceName)
                {
                    assertions++;
                    found = reader.GetAttribute("verify") ?? TextOf(reader);
                }
            }
            while (reader.Read());

            return assertions == 1 && !string.IsNullOrWhiteSpace(found) ? found.Trim() : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>The text inside the element the reader is on, leaving the reader on its end.</summary>
    private static string TextOf(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        var text = new System.Text.StringBuilder();
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.Depth > MaxDepth)
            {
                throw new XmlException("Too deep.");
            }

            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                text.Append(reader.Value);
            }
        }

        return text.ToString();
    }

    private static XDocument? Parse(string svg)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), ReaderSettings);
            var document = XDocument.Load(reader);
            return document.Root?.Name.LocalName == "svg" ? document : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
