using System.Collections.Concurrent;
using System.Reflection;
using PdfSharp.Fonts;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// Serves PDFsharp the embedded Noto Sans files and nothing else: any family asked for resolves to Noto Sans, so no
/// document can depend on a font the server happens to have installed.
/// </summary>
internal sealed class CertificateFontResolver : IFontResolver
{
    public const string Regular = "NotoSans-Regular";
    public const string Bold = "NotoSans-Bold";

    private static readonly ConcurrentDictionary<string, byte[]> Files = new(StringComparer.Ordinal);

    public static byte[] Bytes(string faceName) => Files.GetOrAdd(faceName, Load);

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Bold : Regular);

    public byte[] GetFont(string faceName) => Bytes(faceName);

    private static byte[] Load(string faceName)
    {
        var name = $"certificates/fonts/{faceName}.ttf";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font '{name}' is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
