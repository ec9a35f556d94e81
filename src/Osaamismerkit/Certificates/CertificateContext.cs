using Osaamismerkit.Certificates.Layout;

namespace Osaamismerkit.Certificates;

/// <summary>What composing one certificate needs: fonts and text styles, labels in its language, the issuer, and the document's images.</summary>
/// <param name="signedBy">The name in the document-signing certificate when the PDF is signed, for the visible note.</param>
/// <param name="verificationUrl">A badge's public page; the visible note names the verify page on the same host.</param>
internal sealed class CertificateContext(
    CertificateFonts fonts, CertificateLabels labels, CertificateIssuer issuer, ImageCache images, string? signedBy = null, string? verificationUrl = null)
{
    public string? SignedBy { get; } = signedBy;

    /// <summary>Where a file is uploaded to be checked, as printed (no scheme), e.g. osaamismerkit.siunsote.fi/verify.</summary>
    public string VerifyPage { get; } =
        (Uri.TryCreate(verificationUrl, UriKind.Absolute, out var page) ? page.Authority : string.Empty) + Verification.VerifyPageEndpoints.Path;

    public CertificateLabels Labels { get; } = labels;

    public CertificateIssuer Issuer { get; } = issuer;

    public ImageCache Images { get; } = images;

    public TextStyle Title { get; } = new(fonts.Bold, 24, Palette.Ink, 1.2f);

    public TextStyle Name { get; } = new(fonts.Bold, 21, Palette.Ink, 1.2f);

    public TextStyle BadgeName { get; } = new(fonts.Bold, 16, Palette.Ink, 1.25f);

    public TextStyle Heading { get; } = new(fonts.Bold, 11.5f, Palette.Ink, 1.3f);

    public TextStyle Lead { get; } = new(fonts.Regular, 10.5f, Palette.Muted);

    public TextStyle Body { get; } = new(fonts.Regular, 9.5f, Palette.Ink);

    public TextStyle BodyBold { get; } = new(fonts.Bold, 9.5f, Palette.Ink);

    public TextStyle Label { get; } = new(fonts.Regular, 9, Palette.Muted);

    public TextStyle Small { get; } = new(fonts.Regular, 8, Palette.Muted);

    public TextStyle SmallBold { get; } = new(fonts.Bold, 8, Palette.Ink);

    public TextStyle Code { get; } = new(fonts.Bold, 20, Palette.Ink, 1.2f);
}
