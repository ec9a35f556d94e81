using Osaamismerkit.Certificates.Layout;
using SkiaSharp;

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

    /// <summary>Draws the header; <paramref name="right"/> is printed at the right (the certificate's kind or, on later pages, its holder).</summary>
    public static void Header(PageContent page, CertificateContext context, string right)
    {
        var left = Paper.ContentLeft;
        var top = Paper.Margin;
        var logo = context.Images.Get(context.Issuer.LogoPng);
        var nameLeft = left;
        var nameWidth = Paper.Mm(75);
        if (logo is not null)
        {
            var box = SKRect.Create(left, top, LogoWidth, LogoHeight);
            page.Add(c => CertificateContext.Image(c, logo, box with { Right = left + Math.Min(LogoWidth, LogoHeight * logo.Width / logo.Height) }));
            nameLeft = left + Math.Min(LogoWidth, LogoHeight * logo.Width / logo.Height) + 10;
        }

        var issuer = TextBlock.Create(logo is null ? context.Heading : context.Label.WithColor(Palette.Ink), context.Issuer.Name, nameWidth);
        var issuerTop = top + (LogoHeight - issuer.Height) / 2;
        page.Add(c => issuer.Draw(c, nameLeft, issuerTop));

        var rightWidth = Paper.ContentWidth - (nameLeft - left) - nameWidth - 12;
        var rightText = TextBlock.Create(context.Label, right, rightWidth);
        var rightTop = top + (LogoHeight - rightText.Height) / 2;
        page.Add(c => rightText.Draw(c, Paper.ContentRight - rightWidth, rightTop, TextAlignment.Right, rightWidth));

        var ruleY = top + LogoHeight + 6;
        page.Add(c => CertificateContext.Rule(c, left, ruleY, Paper.ContentRight, Palette.Accent, 1.5f));
    }

    /// <summary>Draws the footer; page numbers only when the certificate has more than one page.</summary>
    public static void Footer(PageContent page, CertificateContext context, int number, int count, bool alwaysNumber)
    {
        var top = Paper.Height - Paper.Margin - FooterHeight + 8;
        var issuer = TextBlock.Create(context.Small, $"{context.Issuer.Name} · {Host(context.Issuer.Url)}", Paper.ContentWidth * 0.7f);
        page.Add(c =>
        {
            CertificateContext.Rule(c, Paper.ContentLeft, top - 4, Paper.ContentRight, Palette.Rule, 0.5f);
            issuer.Draw(c, Paper.ContentLeft, top);
        });

        if (count > 1 || alwaysNumber)
        {
            var width = Paper.ContentWidth * 0.25f;
            var numbering = TextBlock.Create(context.Small, context.Labels.Format("Page", number, count), width);
            page.Add(c => numbering.Draw(c, Paper.ContentRight - width, top, TextAlignment.Right, width));
        }
    }

    private static string Host(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url;
}
