using PdfSharp.Fonts;

namespace Osaamismerkit.Certificates.Layout;

/// <summary>
/// The two Noto Sans weights embedded in the assembly. Certificates never touch system fonts, so a PDF looks the
/// same on a fresh machine. Loaded once and shared: HarfBuzz fonts are safe to use from many threads.
/// </summary>
public sealed class CertificateFonts : IDisposable
{
    private static readonly Lock Registration = new();

    public CertificateFonts()
    {
        Register();
        Regular = new FontFace(CertificateFontResolver.Regular, bold: false, CertificateFontResolver.Bytes(CertificateFontResolver.Regular));
        Bold = new FontFace(CertificateFontResolver.Bold, bold: true, CertificateFontResolver.Bytes(CertificateFontResolver.Bold));
    }

    internal FontFace Regular { get; }

    internal FontFace Bold { get; }

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
    }

    /// <summary>PDFsharp's font resolver is process-wide and may be set only once, before the first font is made.</summary>
    private static void Register()
    {
        lock (Registration)
        {
            if (GlobalFontSettings.FontResolver is not CertificateFontResolver)
            {
                GlobalFontSettings.FontResolver = new CertificateFontResolver();
            }
        }
    }
}
