using Osaamismerkit.Certificates.Layout;
using SkiaSharp;

namespace Osaamismerkit.Certificates;

/// <summary>
/// The boxes at the foot of a badge certificate's first page: the claim box (when the badge waits for a claim code)
/// above the verification box with the QR code.
/// </summary>
internal static class CertificateFootBoxes
{
    public static Drawable For(CertificateContext context, CertificateBadge badge, float width)
    {
        var verification = VerificationBox(context, badge, width);
        if (badge.Claim is null)
        {
            return verification;
        }

        const float gap = 10;
        var claim = ClaimBox(context, badge.Claim, width);
        return new Drawable(claim.Height + gap + verification.Height, (c, x, y) =>
        {
            claim.Draw(c, x, y);
            verification.Draw(c, x, y + claim.Height + gap);
        });
    }

    private static Drawable VerificationBox(CertificateContext context, CertificateBadge badge, float width)
    {
        var labels = context.Labels;
        const float padding = 12;
        var qrSide = Paper.Mm(30);
        var qr = new QrCodeGraphic(badge.VerificationUrl);
        var textWidth = width - 2 * padding - qrSide - 10;

        var heading = TextBlock.Create(context.Heading, labels["VerifyHeading"], textWidth);
        var scan = TextBlock.Create(context.Body, labels["VerifyScan"], textWidth);
        var url = OneLine(context.BodyBold.WithSize(11), badge.ShortUrl, textWidth);
        var id = TextBlock.Create(context.Small, $"{labels["CredentialId"]}: {badge.CredentialId}", textWidth);
        var explanation = TextBlock.Create(context.Small, labels["VerifyExplanation"], textWidth);
        var textHeight = heading.Height + 2 + scan.Height + 2 + url.Height + 5 + id.Height + 3 + explanation.Height;
        var height = Math.Max(qrSide, textHeight) + 2 * padding;

        return new Drawable(height, (c, x, y) =>
        {
            CertificateContext.Frame(c, SKRect.Create(x, y, width, height), Palette.Accent, 1.2f);
            // The code's own white quiet zone lines up with the frame's padding.
            var qrBox = SKRect.Create(x + padding - Paper.Mm(1.5f), y + (height - qrSide) / 2, qrSide, qrSide);
            qr.Draw(c, qrBox.Left, qrBox.Top, qrSide);
            CertificateContext.Link(c, qrBox, badge.VerificationUrl);

            var left = x + padding + qrSide;
            var top = y + (height - textHeight) / 2;
            top += heading.Draw(c, left, top) + 2;
            top += scan.Draw(c, left, top) + 2;
            CertificateContext.Link(c, SKRect.Create(left, top, url.Width, url.Height), badge.VerificationUrl);
            top += url.Draw(c, left, top) + 5;
            top += id.Draw(c, left, top) + 3;
            explanation.Draw(c, left, top);
        });
    }

    /// <summary>
    /// For a client with low digital skills: the code large on the left, three numbered steps on the right.
    /// The address is printed without "https://", as people type it.
    /// </summary>
    private static Drawable ClaimBox(CertificateContext context, CertificateClaim claim, float width)
    {
        var labels = context.Labels;
        const float padding = 12;
        const float gap = 16;
        var codeStyle = context.Code.WithSize(18);
        var leftWidth = Math.Max(170, codeStyle.Face.Measure(claim.Code, codeStyle.Size) + 20);
        var rightWidth = width - 2 * padding - leftWidth - gap;
        var address = DisplayUrl(claim.Url);

        var heading = TextBlock.Create(context.Heading, labels["ClaimHeading"], leftWidth);
        var intro = TextBlock.Create(context.Body, labels["ClaimIntro"], leftWidth);
        var code = OneLine(codeStyle, claim.Code, leftWidth - 12);
        var codeBoxHeight = code.Height + 10;
        var steps = new[]
        {
            TextBlock.Create(context.Body, labels.Format("ClaimStep1", address), rightWidth - 16),
            TextBlock.Create(context.Body, labels.Format("ClaimStep2", claim.Code), rightWidth - 16),
            TextBlock.Create(context.Body, labels.Format("ClaimStep3", claim.ButtonLabel), rightWidth - 16),
        };
        var note = TextBlock.Create(context.Small, labels["ClaimNote"], rightWidth);
        var leftHeight = heading.Height + 3 + intro.Height + 5 + codeBoxHeight;
        var rightHeight = steps.Sum(s => s.Height + 3) + 3 + note.Height;
        var height = Math.Max(leftHeight, rightHeight) + 2 * padding;

        return new Drawable(height, (c, x, y) =>
        {
            CertificateContext.Frame(c, SKRect.Create(x, y, width, height), Palette.Accent, 2f);
            var left = x + padding;
            var top = y + padding;
            top += heading.Draw(c, left, top) + 3;
            top += intro.Draw(c, left, top) + 5;
            CertificateContext.Frame(c, SKRect.Create(left, top, leftWidth, codeBoxHeight), Palette.Ink, 1f, Palette.AccentTint);
            code.Draw(c, left, top + 5, TextAlignment.Center, leftWidth);

            var stepsLeft = x + padding + leftWidth + gap;
            top = y + padding;
            for (var i = 0; i < steps.Length; i++)
            {
                TextBlock.Create(context.BodyBold, $"{i + 1}.", 16).Draw(c, stepsLeft, top);
                top += steps[i].Draw(c, stepsLeft + 16, top) + 3;
            }

            note.Draw(c, stepsLeft, top + 3);
        });
    }

    /// <summary>A URL or code on one line if it can be: the size shrinks (to 7 pt at the least) before it wraps.</summary>
    private static TextBlock OneLine(TextStyle style, string text, float width)
    {
        for (var size = style.Size; size > 7; size -= 0.5f)
        {
            if (style.Face.Measure(text, size) <= width)
            {
                return TextBlock.Create(style.WithSize(size), text, width);
            }
        }

        return TextBlock.Create(style.WithSize(7), text, width);
    }

    private static string DisplayUrl(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? url["https://".Length..] : url;
}
