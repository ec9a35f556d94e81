using System.Reflection;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// The two Noto Sans weights embedded in the assembly. Certificates never touch system fonts, so a PDF looks the
/// same on a fresh machine. Loaded once and shared: typefaces and HarfBuzz fonts are safe to use from many threads.
/// </summary>
public sealed class CertificateFonts : IDisposable
{
    public CertificateFonts()
    {
        Regular = new FontFace(Load("NotoSans-Regular.ttf"));
        Bold = new FontFace(Load("NotoSans-Bold.ttf"));
    }

    internal FontFace Regular { get; }

    internal FontFace Bold { get; }

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
    }

    private static byte[] Load(string file)
    {
        var name = "certificates/fonts/" + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font '{name}' is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
