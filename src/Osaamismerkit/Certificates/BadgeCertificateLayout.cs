using Osaamismerkit.Catalogue;
using Osaamismerkit.Certificates.Layout;
using Osaamismerkit.Infrastructure.Localization;
using PdfSharp.Drawing;

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
        var sectionGap = compact ? 8f : 12f;
        var body = compact ? context.Body.WithSize(9) : context.Body;
        var footBoxes = CertificateFootBoxes.For(context, badge, Paper.ContentWidth);
        var firstBottom = CertificateChrome.ContentBottom - footBoxes.Height - sectionGap;
        var flow = new Flow(_ => CertificateChrome.ContentTop + 6, i => i == 0 ? firstBottom : CertificateChrome.ContentBottom - 6);

        TitleBlock(context, flow, recipient, badge, compact);
        flow.Space(sectionGap);

        Section(context, flow, context.Labels[badge.Kind == BadgeKind.Milestone ? "HowYouShowedMilestone" : "HowYouShowed"]);
        CriteriaMet(flow, badge, body);
        if (!string.IsNullOrWhiteSpace(badge.EvidenceNote))
        {
            flow.Space(compact ? 3 : 6);
            EvidenceNote(context, flow, badge.EvidenceNote, EvidenceNoteLabel(context.Labels, badge.EvidenceNoteLanguage), body,
                badge.EvidenceNoteLanguage == context.Labels.Language ? null : badge.EvidenceNoteLanguage);
        }

        flow.Space(sectionGap);
        Section(context, flow, context.Labels["Details"]);
        flow.Page.Add(c => c.Begin("Table"));
        Details(new DetailsTable(context, flow, Paper.ContentWidth, body), context.Labels, badge);
        flow.Page.Add(c => c.End());

        var boxesTop = CertificateChrome.ContentBottom - footBoxes.Height;
        flow.Pages[0].Add(c => footBoxes.Draw(c, Paper.ContentLeft, boxesTop));
        HeadersAndFooters(context, flow.Pages, recipient);
        return flow.Pages;
    }

    /// <summary>Each criterion the holder met, ticked: a list, each criterion an item (the tick is decoration).</summary>
    private static void CriteriaMet(Flow flow, CertificateBadge badge, TextStyle body)
    {
        if (badge.CriteriaMet.Count == 0)
        {
            return;
        }

        var left = Paper.ContentLeft;
        flow.Page.Add(c => c.Begin("L"));
        foreach (var criterion in badge.CriteriaMet)
        {
            var text = TextBlock.Create(body, criterion, Paper.ContentWidth - 18);
            flow.Ensure(text.Height);
            var y = flow.Y;
            flow.Page.Add(c =>
            {
                c.Begin("LI");
                c.Tick(left + 1, y + 3, 8.5f);
                c.Tagged("LBody", () => text.Draw(c, left + 18, y));
                c.End();
            });
            flow.Y += text.Height + 1;
        }

        flow.Page.Add(c => c.End());
    }

    /// <summary>The instructor's note beside an accent bar, line by line so that it can continue on the next page.</summary>
    /// <param name="noteLanguage">Set on the note's paragraph when it differs from the certificate's, so a screen reader switches voice.</param>
    private static void EvidenceNote(CertificateContext context, Flow flow, string evidenceNote, string labelText, TextStyle body, string? noteLanguage)
    {
        var left = Paper.ContentLeft;
        var width = Paper.ContentWidth;
        var label = TextBlock.Create(context.BodyBold.WithSize(body.Size), labelText, width - 12);
        var note = TextBlock.Create(body, evidenceNote, width - 12);
        flow.Ensure(label.Height + body.LineHeight);
        var labelTop = flow.Y;
        flow.Page.Add(c =>
        {
            c.Bar(new XRect(left + 2, labelTop, 2.5f, label.Height), Palette.Accent);
            c.Tagged("P", () => label.Draw(c, left + 12, labelTop));
        });
        flow.Y += label.Height;
        flow.Page.Add(c => c.Begin("P", noteLanguage));
        for (var i = 0; i < note.LineCount; i++)
        {
            flow.Ensure(body.LineHeight);
            var (line, top) = (i, flow.Y);
            flow.Page.Add(c =>
            {
                c.Bar(new XRect(left + 2, top, 2.5f, body.LineHeight), Palette.Accent);
                note.DrawLine(c, line, left + 12, top);
            });
            flow.Y += body.LineHeight;
        }

        flow.Page.Add(c => c.End());
    }

    /// <summary>"Instructor's observations (in Finnish)" when the note is not in the certificate's language.</summary>
    private static string EvidenceNoteLabel(CertificateLabels labels, string noteLanguage) =>
        noteLanguage == labels.Language || !Languages.IsSupported(noteLanguage)
            ? labels["EvidenceNote"]
            : labels["EvidenceNoteIn_" + noteLanguage];

    /// <summary>The details table: only the facts the badge has.</summary>
    private static void Details(DetailsTable table, CertificateLabels labels, CertificateBadge badge)
    {
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
    }

    /// <summary>The first page's header is the kicker; a continuation page names the certificate and its holder.</summary>
    private static void HeadersAndFooters(CertificateContext context, List<PageContent> pages, CertificateRecipient recipient)
    {
        var labels = context.Labels;
        for (var i = 0; i < pages.Count; i++)
        {
            CertificateChrome.Header(pages[i], context, i == 0
                ? labels["CertificateKicker"]
                : $"{labels["CertificateTitle"]} · {recipient.DisplayName}", readIssuer: i == 0);
            CertificateChrome.Footer(pages[i], context, i + 1, pages.Count, alwaysNumber: false);
        }
    }

    private static void TitleBlock(CertificateContext context, Flow flow, CertificateRecipient recipient, CertificateBadge badge, bool compact)
    {
        var labels = context.Labels;
        var left = Paper.ContentLeft;
        var imageSide = Paper.Mm(compact ? 30 : 38);
        var textWidth = Paper.ContentWidth - imageSide - 18;

        var level = labels.LevelText(badge.Level);
        var kind = badge.Kind == BadgeKind.Milestone ? labels["MilestoneBadge"] + " · " : string.Empty;
        var blocks = new (string Tag, TextBlock Text, float After)[]
        {
            ("H1", TextBlock.Create(compact ? context.Title.WithSize(20) : context.Title, labels["CertificateTitle"], textWidth), compact ? 4 : 8),
            ("P", TextBlock.Create(context.Lead, labels["CertifiesThat"], textWidth), 1),
            ("P", TextBlock.Create(compact ? context.Name.WithSize(18) : context.Name, recipient.DisplayName, textWidth), 3),
            ("P", TextBlock.Create(context.Lead, labels[badge.Kind == BadgeKind.Milestone ? "HasEarnedMilestone" : "HasEarned"], textWidth), compact ? 3 : 6),
            ("P", TextBlock.Create(context.BadgeName, badge.BadgeName, textWidth), 2),
            ("P", TextBlock.Create(context.Lead.WithColor(Palette.Ink), $"{kind}{level} · {labels.TrackName(badge.Track)}", textWidth), 0),
        };

        var top = flow.Y;
        var y = top;
        foreach (var (tag, text, after) in blocks)
        {
            var at = y;
            flow.Page.Add(c => c.Tagged(tag, () => text.Draw(c, left, at)));
            y += text.Height + after;
        }

        var image = context.Images.Get(badge.ImagePng);
        if (image is not null)
        {
            var box = new XRect(Paper.ContentRight - imageSide, top + 4, imageSide, imageSide);
            var alternative = labels.Format("BadgeImageAlt", badge.BadgeName, level);
            flow.Page.Add(c => c.Figure(alternative, box, () => c.Image(image, box)));
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
            c.Tagged("H2", () => heading.Draw(c, Paper.ContentLeft, top));
            c.Rule(Paper.ContentLeft, top + heading.Height + 1, Paper.ContentRight, Palette.Rule, 0.6f);
        });
        flow.Y += heading.Height + 6;
    }
}
