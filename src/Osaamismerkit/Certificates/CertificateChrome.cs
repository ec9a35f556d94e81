using Osaamismerkit.Certificates.Layout;
using PdfSharp.Drawing;

namespace Osaamismerkit.Certificates;

/// <summary>The header and footer every certificate page carries: the issuer with its logo area, and the page number.</summary>
internal static class CertificateChrome
{
    public static readonly float LogoHeight = Paper.Mm(14);
    public static readonly float LogoWidth = Paper.Mm(36);
    public static readonly float FooterHeight = 22;

    /// <summary>The top of the content below the header.</summary>
    public static float ContentTop => Paper.Margin + LogoHeight + 16;

    public static float ContentBottom => Paper.Height - Paper.Margin - FooterHeight;

    /// <summary>
    /// Draws the header before the page's content; <paramref name="right"/> is printed at the right (the certificate's
    /// kind or, on later pages, its holder). The issuer's name is read once, as the first page's first paragraph; every
    /// other header is page furniture.
    /// </summary>
    public static void Header(PageContent page, CertificateContext context, string right, bool readIssuer)
    {
        var left = Paper.ContentLeft;
        var top = Paper.Margin;
        var logo = context.Images.Get(context.Issuer.LogoPng);
        var nameLeft = left;
        var nameWidth = Paper.Mm(75);
        var logoWidth = logo is null ? 0 : Math.Min(LogoWidth, LogoHeight * logo.PixelWidth / logo.PixelHeight);
        if (logo is not null)
        {
            nameLeft = left + logoWidth + 10;
        }

        var issuer = TextBlock.Create(logo is null ? context.Heading : context.Label.WithColor(Palette.Ink), context.Issuer.Name, nameWidth);
        var issuerTop = top + (LogoHeight - issuer.Height) / 2;
        var rightWidth = Paper.ContentWidth - (nameLeft - left) - nameWidth - 12;
        var rightText = TextBlock.Create(context.Label, right, rightWidth);
        var rightTop = top + (LogoHeight - rightText.Height) / 2;
        var ruleY = top + LogoHeight + 6;

        page.AddFirst(c =>
        {
            // The logo only repeats the issuer's name printed beside it.
            c.Artifact(() =>
            {
                if (logo is not null)
                {
                    c.Image(logo, new XRect(left, top, logoWidth, LogoHeight));
                }
            });
            if (readIssuer)
            {
                c.Tagged("P", () => issuer.Draw(c, nameLeft, issuerTop));
            }
            else
            {
                c.Artifact(() => issuer.Draw(c, nameLeft, issuerTop));
            }

            c.Artifact(() => rightText.Draw(c, Paper.ContentRight - rightWidth, rightTop, TextAlignment.Right, rightWidth));
            c.Rule(left, ruleY, Paper.ContentRight, Palette.Accent, 1.5f);
        });
    }

    /// <summary>
    /// Draws the footer; page numbers only when the certificate has more than one page. A signed certificate's first
    /// page says under it who signed it, as text a screen reader reads.
    /// </summary>
    public static void Footer(PageContent page, CertificateContext context, int number, int count, bool alwaysNumber)
    {
        var top = Paper.Height - Paper.Margin - FooterHeight + 8;
        var issuer = TextBlock.Create(context.Small, $"{context.Issuer.Name} · {Host(context.Issuer.Url)}", Paper.ContentWidth * 0.7f);
        page.Add(c =>
        {
            c.Rule(Paper.ContentLeft, top - 4, Paper.ContentRight, Palette.Rule, 0.5f);
            c.Artifact(() => issuer.Draw(c, Paper.ContentLeft, top));
        });

        if (count > 1 || alwaysNumber)
        {
            var width = Paper.ContentWidth * 0.25f;
            var numbering = TextBlock.Create(context.Small, context.Labels.Format("Page", number, count), width);
            page.Add(c => c.Artifact(() => numbering.Draw(c, Paper.ContentRight - width, top, TextAlignment.Right, width)));
        }

        if (number == 1 && context.SignedBy is { } signer)
        {
            var note = TextBlock.Create(context.Small.WithColor(Palette.Ink), context.Labels.Format("SignedNote", signer, context.VerifyPage), Paper.ContentWidth);
            page.Add(c => c.Tagged("P", () => note.Draw(c, Paper.ContentLeft, top + context.Small.LineHeight)));
        }
    }

    private static string Host(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;
}
