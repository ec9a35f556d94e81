using Osaamismerkit.Catalogue;
using Osaamismerkit.Certificates.Layout;
using SkiaSharp;

namespace Osaamismerkit.Certificates;

/// <summary>
/// One badge certificate: title, holder, badge and level beside the badge image; what was shown and the
/// instructor's note; the details table; and at the foot of the first page the claim box (if any) and the
/// verification box with the QR code. Content that does not fit continues on a second page.
/// </summary>
internal static class BadgeCertificateLayout
{
    /// <summary>Composes the certificate; if it runs onto a second page, tries once more with tighter spacing.</summary>
    public static List<PageContent> Compose(CertificateContext context, CertificateRecipient recipient, CertificateBadge badge)
    {
        var pages = Compose(context, recipient, badge, compact: false);
        return pages.Count == 1 ? pages : Compose(context, recipient, badge, compact: true);
    }

    private static List<PageContent> Compose(CertificateContext context, CertificateRecipient recipient, CertificateBadge badge, bool compact)
    {
        var labels = context.Labels;
        var width = Paper.ContentWidth;
        var left = Paper.ContentLeft;

        var sectionGap = compact ? 8f : 12f;
        var body = compact ? context.Body.WithSize(9) : context.Body;
        var bottomBoxes = BottomBoxes(context, badge, width);
        var firstBottom = CertificateChrome.ContentBottom - bottomBoxes.Height - sectionGap;
        var flow = new Flow(_ => CertificateChrome.ContentTop + 6, i => i == 0 ? firstBottom : CertificateChrome.ContentBottom - 6);

        TitleBlock(context, flow, recipient, badge, compact);
        flow.Space(sectionGap);

        Section(context, flow, labels[badge.Kind == BadgeKind.Milestone ? "HowYouShowedMilestone" : "HowYouShowed"]);
        foreach (var criterion in badge.CriteriaMet)
        {
            var text = TextBlock.Create(body, criterion, width - 18);
            flow.Ensure(text.Height);
            var y = flow.Y;
            flow.Page.Add(c =>
            {
                CertificateContext.Tick(c, left + 1, y + 3, 8.5f);
                text.Draw(c, left + 18, y);
            });
            flow.Y += text.Height + 1;
        }

        if (!string.IsNullOrWhiteSpace(badge.EvidenceNote))
        {
            flow.Space(compact ? 3 : 6);
            var label = TextBlock.Create(context.BodyBold.WithSize(body.Size), labels["EvidenceNote"], width - 12);
            var note = TextBlock.Create(body, badge.EvidenceNote, width - 12);
            flow.Ensure(label.Height + body.LineHeight);
            var labelTop = flow.Y;
            flow.Page.Add(c =>
            {
                Bar(c, left, labelTop, label.Height);
                label.Draw(c, left + 12, labelTop);
            });
            flow.Y += label.Height;
            for (var i = 0; i < note.LineCount; i++)
            {
                flow.Ensure(body.LineHeight);
                var (line, top) = (i, flow.Y);
                flow.Page.Add(c =>
                {
                    Bar(c, left, top, body.LineHeight);
                    note.DrawLine(c, line, left + 12, top);
                });
                flow.Y += body.LineHeight;
            }
        }

        flow.Space(sectionGap);
        Section(context, flow, labels["Details"]);
        var table = new DetailsTable(context, flow, width, body);
        if (badge.DemonstratedOn is { } demonstrated)
        {
            table.Row(labels["DemonstratedOn"], labels.Date(demonstrated));
        }

        table.Row(labels["IssuedOn"], labels.Date(badge.IssuedOn));
        if (badge.Expires is { } expires)
        {
            table.Row(labels["ValidUntil"], labels.Format("ValidUntilValue", labels.Date(expires)));
        }

        if (!string.IsNullOrWhiteSpace(badge.UnitName))
        {
            table.Row(labels["Unit"], badge.UnitName);
        }

        if (!string.IsNullOrWhiteSpace(badge.DeliveryMode))
        {
            table.Row(labels["DeliveryMode"], labels.DeliveryMode(badge.DeliveryMode));
        }

        if (!string.IsNullOrWhiteSpace(badge.InstructorName))
        {
            table.Row(labels["Instructor"], string.IsNullOrWhiteSpace(badge.InstructorTitle)
                ? badge.InstructorName
                : $"{badge.InstructorName}, {badge.InstructorTitle}");
        }

        if (badge.Alignments.Count > 0)
        {
            table.Row(labels["Alignment"], string.Join("\n", badge.Alignments));
        }

        var first = flow.Pages[0];
        var boxesTop = CertificateChrome.ContentBottom - bottomBoxes.Height;
        first.Add(c => bottomBoxes.Draw(c, left, boxesTop));

        var pages = flow.Pages;
        for (var i = 0; i < pages.Count; i++)
        {
            CertificateChrome.Header(pages[i], context, i == 0
                ? labels["CertificateKicker"]
                : $"{labels["CertificateTitle"]} · {recipient.DisplayName}");
            CertificateChrome.Footer(pages[i], context, i + 1, pages.Count, alwaysNumber: false);
        }

        return pages;
    }

    private static void TitleBlock(CertificateContext context, Flow flow, CertificateRecipient recipient, CertificateBadge badge, bool compact)
    {
        var labels = context.Labels;
        var left = Paper.ContentLeft;
        var imageSide = Paper.Mm(compact ? 30 : 38);
        var textWidth = Paper.ContentWidth - imageSide - 18;

        var level = labels.LevelText(badge.Level);
        var kind = badge.Kind == BadgeKind.Milestone ? labels["MilestoneBadge"] + " · " : string.Empty;
        var blocks = new (TextBlock Text, float After)[]
        {
            (TextBlock.Create(compact ? context.Title.WithSize(20) : context.Title, labels["CertificateTitle"], textWidth), compact ? 4 : 8),
            (TextBlock.Create(context.Lead, labels["CertifiesThat"], textWidth), 1),
            (TextBlock.Create(compact ? context.Name.WithSize(18) : context.Name, recipient.DisplayName, textWidth), 3),
            (TextBlock.Create(context.Lead, labels[badge.Kind == BadgeKind.Milestone ? "HasEarnedMilestone" : "HasEarned"], textWidth), compact ? 3 : 6),
            (TextBlock.Create(context.BadgeName, badge.BadgeName, textWidth), 2),
            (TextBlock.Create(context.Lead.WithColor(Palette.Ink), $"{kind}{level} · {labels.TrackName(badge.Track)}", textWidth), 0),
        };

        var top = flow.Y;
        var y = top;
        foreach (var (text, after) in blocks)
        {
            var at = y;
            flow.Page.Add(c => text.Draw(c, left, at));
            y += text.Height + after;
        }

        var image = context.Images.Get(badge.ImagePng);
        if (image is not null)
        {
            var box = SKRect.Create(Paper.ContentRight - imageSide, top + 4, imageSide, imageSide);
            flow.Page.Add(c => CertificateContext.Image(c, image, box));
        }

        flow.Y = Math.Max(y, top + 4 + imageSide);
    }

    private static void Section(CertificateContext context, Flow flow, string title)
    {
        var heading = TextBlock.Create(context.Heading, title, Paper.ContentWidth);
        flow.Ensure(heading.Height + 4 + context.Body.LineHeight * 2);
        var top = flow.Y;
        flow.Page.Add(c =>
        {
            heading.Draw(c, Paper.ContentLeft, top);
            CertificateContext.Rule(c, Paper.ContentLeft, top + heading.Height + 1, Paper.ContentRight, Palette.Rule, 0.6f);
        });
        flow.Y += heading.Height + 6;
    }

    private static void Bar(SKCanvas canvas, float left, float top, float height)
    {
        using var paint = new SKPaint { Color = Palette.Accent, Style = SKPaintStyle.Fill };
        canvas.DrawRect(SKRect.Create(left + 2, top, 2.5f, height), paint);
    }

    /// <summary>The claim box (when the badge waits for a claim code) above the verification box.</summary>
    private static Drawable BottomBoxes(CertificateContext context, CertificateBadge badge, float width)
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
            TextBlock.Create(context.Body, labels["ClaimStep3"], rightWidth - 16),
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
