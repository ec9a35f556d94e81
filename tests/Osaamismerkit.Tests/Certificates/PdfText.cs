using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace Osaamismerkit.Tests.Certificates;

/// <summary>Reads a generated PDF back the way a search index or a screen reader would.</summary>
internal static class PdfText
{
    /// <summary>The page's words joined by single spaces, so phrases can be asserted whatever the line breaks.</summary>
    public static string Of(Page page) => string.Join(' ', page.GetWords().Select(w => w.Text));

    public static string Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join('\n', document.GetPages().Select(Of));
    }

    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(Of).ToList();
    }

    /// <summary>The catalog's /Lang, the document language a screen reader reads with.</summary>
    public static string? Language(PdfDocument document) =>
        document.Structure.Catalog.CatalogDictionary.Data.TryGetValue(NameToken.Lang.Data, out var token) && token is StringToken language
            ? language.Data
            : null;

    /// <summary>Each font the pages use: its base name and whether its TrueType program is embedded.</summary>
    public static IReadOnlyList<(string Name, bool Embedded)> Fonts(PdfDocument document)
    {
        var fonts = new List<(string, bool)>();
        foreach (var page in document.GetPages())
        {
            var resources = Resolve<DictionaryToken>(document, page.Dictionary.Data[NameToken.Resources.Data]);
            var fontDictionary = Resolve<DictionaryToken>(document, resources.Data[NameToken.Font.Data]);
            foreach (var reference in fontDictionary.Data.Values)
            {
                var font = Resolve<DictionaryToken>(document, reference);
                var name = ((NameToken)font.Data[NameToken.BaseFont.Data]).Data;
                var descendant = Resolve<DictionaryToken>(document, Resolve<ArrayToken>(document, font.Data[NameToken.DescendantFonts.Data]).Data[0]);
                var descriptor = Resolve<DictionaryToken>(document, descendant.Data[NameToken.FontDescriptor.Data]);
                fonts.Add((name, descriptor.Data.ContainsKey(NameToken.FontFile2.Data)));
            }
        }

        return fonts.Distinct().ToList();
    }

    public static T Resolve<T>(PdfDocument document, IToken token) where T : IToken =>
        token is IndirectReferenceToken reference
            ? (T)document.Structure.GetObject(reference.Data).Data
            : (T)token;
}
