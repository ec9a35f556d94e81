using Osaamismerkit.Certificates.Layout;
using PdfSharp.Drawing;

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

        var qrAlternative = labels.Format("QrAlt", badge.VerificationUrl);
        return new Drawable(height, (c, x, y) =>
        {
            c.Frame(new XRect(x, y, width, height), Palette.Accent, 1.2f);
            var left = x + padding + qrSide;
            var top = y + (height - textHeight) / 2;
            var headingTop = top;
            top += heading.Height + 2;
            c.Tagged("H2", () => heading.Draw(c, left, headingTop));

            // The code's own white quiet zone lines up with the frame's padding. Read after the heading: a link whose
            // figure says what it is and where it leads.
            var qrBox = new XRect(x + padding - Paper.Mm(1.5f), y + (height - qrSide) / 2, qrSide, qrSide);
            c.Link(qrBox, badge.VerificationUrl, qrAlternative, () => c.Figure(qrAlternative, qrBox, () => qr.Draw(c, (float)qrBox.Left, (float)qrBox.Top, qrSide)));

            var scanTop = top;
            top += scan.Height + 2;
            c.Tagged("P", () => scan.Draw(c, left, scanTop));
            var urlTop = top;
            top += url.Height + 5;
            c.Tagged("P", () => c.Link(new XRect(left, urlTop, url.Width, url.Height), badge.VerificationUrl, badge.VerificationUrl, () => url.Draw(c, left, urlTop)));
            var idTop = top;
            top += id.Height + 3;
            c.Tagged("P", () => id.Draw(c, left, idTop));
            c.Tagged("P", () => explanation.Draw(c, left, top));
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

        var numbers = Enumerable.Range(1, steps.Length).Select(i => TextBlock.Create(context.BodyBold, $"{i}.", 16)).ToArray();
        return new Drawable(height, (c, x, y) =>
        {
            c.Frame(new XRect(x, y, width, height), Palette.Accent, 2f);
            var left = x + padding;
            var top = y + padding;
            var headingTop = top;
            top += heading.Height + 3;
            c.Tagged("H2", () => heading.Draw(c, left, headingTop));
            var introTop = top;
            top += intro.Height + 5;
            c.Tagged("P", () => intro.Draw(c, left, introTop));
            c.Frame(new XRect(left, top, leftWidth, codeBoxHeight), Palette.Ink, 1f, Palette.AccentTint);
            c.Tagged("P", () => code.Draw(c, left, top + 5, TextAlignment.Center, leftWidth));

            var stepsLeft = x + padding + leftWidth + gap;
            top = y + padding;
            c.Begin("L");
            for (var i = 0; i < steps.Length; i++)
            {
                var stepTop = top;
                top += steps[i].Height + 3;
                var step = i;
                c.Begin("LI");
                c.Tagged("Lbl", () => numbers[step].Draw(c, stepsLeft, stepTop));
                c.Tagged("LBody", () => steps[step].Draw(c, stepsLeft + 16, stepTop));
                c.End();
            }

            c.End();
            c.Tagged("P", () => note.Draw(c, stepsLeft, top + 3));
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
