using System.Xml;
using System.Xml.Linq;

namespace Osaamismerkit.PublicPages;

/// <summary>
/// Bakes a signed assertion into an SVG as &lt;openbadges:assertion verify="JWS"/&gt; (Open Badges 2.0), or a VC-JWT as
/// &lt;openbadges:credential verify="JWT"/&gt; in the v3p0 namespace (Open Badges 3.0 §5.3), and reads either back safely.
/// </summary>
public static class SvgBadge
{
    public static readonly XNamespace OpenBadges = "http://openbadges.org";

    public static readonly XNamespace OpenBadges3 = "https://purl.imsglobal.org/ob/v3p0";

    public static readonly XName Ob2Element = OpenBadges + "assertion";

    public static readonly XName Ob3Element = OpenBadges3 + "credential";

    // Badge artwork is a few levels deep; far deeper is an attack, not a drawing.
    private const int MaxDepth = 256;

    // No DTDs and no external entities: uploads are untrusted.
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 4 * 1024 * 1024,
    };

    /// <summary><paramref name="jws"/> in the <c>verify</c> attribute of <paramref name="element"/> (OB 2.0 by default).</summary>
    public static string Bake(string svg, string jws, XName? element = null)
    {
        var name = element ?? Ob2Element;
        var document = Parse(svg) ?? throw new ArgumentException("Not a valid SVG.", nameof(svg));
        var root = document.Root!;
        root.Elements(name).Remove();
        root.SetAttributeValue(XNamespace.Xmlns + "openbadges", name.NamespaceName);
        root.AddFirst(new XElement(name, new XAttribute("verify", jws)));
        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// The baked assertion or credential, or null if the SVG is broken, too deep, or holds none or several (an OB 2.0
    /// and an OB 3.0 element together count as several). Read as a stream, never as a tree: XDocument.Load takes time
    /// quadratic in the nesting depth, so a 1.4 MB upload of 200 000 nested elements kept a request busy for minutes
    /// (found by fuzzing).
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

                if (reader.NodeType == XmlNodeType.Element && IsBaked(reader))
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

    private static bool IsBaked(XmlReader reader) =>
        (reader.LocalName == Ob2Element.LocalName && reader.NamespaceURI == Ob2Element.NamespaceName)
        || (reader.LocalName == Ob3Element.LocalName && reader.NamespaceURI == Ob3Element.NamespaceName);

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
