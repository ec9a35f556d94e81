using System.Text;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Certificates.Layout;
using PdfSharp.Drawing;

namespace Osaamismerkit.Certificates;

/// <summary>
/// All of a client's valid badges in one document for a job or study application: milestone badges first, then
/// each track by DigComp competence area; each badge with its level, date, alignment, what was shown, and a small
/// QR code to its verification page. Every page carries the holder's name and "page n / m". A heading is kept with the
/// badge under it, and a page that a track or area runs onto repeats that heading, marked as continued.
/// </summary>
internal static class CombinedCertificateLayout
{
    public static List<PageContent> Compose(CertificateContext context, CertificateRecipient recipient, IReadOnlyList<CertificateBadge> badges, DateTimeOffset printedOn)
    {
        var labels = context.Labels;
        var width = Paper.ContentWidth;
        var left = Paper.ContentLeft;
        var flow = new Flow(_ => CertificateChrome.ContentTop + 6, _ => CertificateChrome.ContentBottom - 6);

        var intro = new (string Tag, TextBlock Text, float After)[]
        {
            ("H1", TextBlock.Create(context.Title, labels["CertificateTitle"], width), 0),
            ("P", TextBlock.Create(context.Lead, labels["CombinedSubtitle"], width), 10),
            ("P", TextBlock.Create(context.Name, recipient.DisplayName, width), 6),
            ("P", TextBlock.Create(context.Body, labels.Format("CombinedIntro", recipient.DisplayName) + " " + labels["CombinedVerify"], width), 4),
            ("P", TextBlock.Create(context.Label, $"{labels.Format("CombinedCount", badges.Count)} · {labels.Format("PrintedOn", labels.Date(printedOn))}", width), 10),
        };
        foreach (var (tag, text, after) in intro)
        {
            var top = flow.Y;
            flow.Page.Add(c => c.Tagged(tag, () => text.Draw(c, left, top)));
            flow.Y += text.Height + after;
        }

        if (badges.Count == 0)
        {
            var none = TextBlock.Create(context.Body, labels["NoBadges"], width);
            var top = flow.Y;
            flow.Page.Add(c => c.Tagged("P", () => none.Draw(c, left, top)));
        }

        var milestones = badges.Where(b => b.Kind == BadgeKind.Milestone).OrderBy(b => b.Track).ThenBy(b => b.Level).ThenBy(b => b.BadgeName, StringComparer.CurrentCulture).ToList();
        if (milestones.Count > 0)
        {
            Group(context, flow, [], [new Title(labels["MilestoneSection"], context.Heading, 8, "H2")], milestones);
        }

        foreach (var track in badges.Where(b => b.Kind != BadgeKind.Milestone).GroupBy(b => b.Track).OrderBy(g => g.Key))
        {
            var trackTitle = new Title(labels.TrackName(track.Key), context.Heading, 8, "H2");
            var first = true;
            foreach (var area in track.GroupBy(b => (b.Area, b.AreaName)).OrderBy(g => g.Key.Area))
            {
                var areaTitle = new Title(labels.Format("Area", area.Key.Area, area.Key.AreaName), context.BodyBold.WithColor(Palette.Muted), 2, "H3");
                var areaBadges = area.OrderBy(b => b.Level).ThenBy(b => b.BadgeName, StringComparer.CurrentCulture).ToList();
                Group(context, flow, first ? [] : [trackTitle], first ? [trackTitle, areaTitle] : [areaTitle], areaBadges);
                first = false;
            }
        }

        var pages = flow.Pages;
        for (var i = 0; i < pages.Count; i++)
        {
            CertificateChrome.Header(pages[i], context, $"{labels["CertificateTitle"]} · {recipient.DisplayName}", readIssuer: i == 0);
            CertificateChrome.Footer(pages[i], context, i + 1, pages.Count, alwaysNumber: true);
        }

        return pages;
    }

    /// <summary>
    /// Badges under their headings. A heading never ends a page: <paramref name="opening"/> is kept with the first badge.
    /// A new page, whether the group starts or continues there, first repeats the headings the badges are under, marked
    /// as continued, so that no page shows a badge without its track and area.
    /// </summary>
    /// <param name="open">Headings already printed above this group (its track), repeated only on a new page.</param>
    /// <param name="opening">This group's own headings.</param>
    private static void Group(CertificateContext context, Flow flow, IReadOnlyList<Title> open, IReadOnlyList<Title> opening, IReadOnlyList<CertificateBadge> badges)
    {
        var badgeHeading = opening.Count == 0 ? "H3" : "H" + Math.Min(6, int.Parse(opening[^1].Tag[1..], System.Globalization.CultureInfo.InvariantCulture) + 1);
        var entries = badges.Select(b => Entry(context, b, badgeHeading)).ToList();
        var headings = opening.Select(t => (Title: t, Block: t.Block())).ToList();
        var firstHeight = headings.Sum(h => h.Title.Before + h.Block.Height + 2) + entries[0].Height;
        if (NewPageUnlessFits(flow, firstHeight))
        {
            Continued(context, flow, open);
        }

        foreach (var (title, block) in headings)
        {
            Place(flow, title, block, repeated: false);
        }

        foreach (var entry in entries)
        {
            if (NewPageUnlessFits(flow, entry.Height))
            {
                Continued(context, flow, [.. open, .. opening]);
            }

            var top = flow.Y + 6;
            flow.Page.Add(c => entry.Draw(c, top));
            flow.Y += entry.Height;
        }
    }

    private static bool NewPageUnlessFits(Flow flow, float height)
    {
        var page = flow.PageIndex;
        flow.Ensure(height);
        return flow.PageIndex != page;
    }

    /// <summary>Headings repeated at the top of a new page, as "Viestintä ja yhteistyö (jatkuu)".</summary>
    private static void Continued(CertificateContext context, Flow flow, IReadOnlyList<Title> titles)
    {
        foreach (var title in titles)
        {
            var continued = title with { Text = context.Labels.Format("Continued", title.Text) };
            Place(flow, continued, continued.Block(), repeated: true);
        }
    }

    /// <summary>A heading, with its space above unless it opens the page; a repeated heading is page furniture.</summary>
    private static void Place(Flow flow, Title title, TextBlock block, bool repeated)
    {
        if (flow.Y > flow.Top)
        {
            flow.Space(title.Before);
        }

        var top = flow.Y;
        flow.Page.Add(c =>
        {
            if (repeated)
            {
                c.Artifact(() => block.Draw(c, Paper.ContentLeft, top));
            }
            else
            {
                c.Tagged(title.Tag, () => block.Draw(c, Paper.ContentLeft, top));
            }
        });
        flow.Y += block.Height + 2;
    }

    /// <summary>One badge, measured before it is placed, so that its headings can be kept with it.</summary>
    private static PreparedEntry Entry(CertificateContext context, CertificateBadge badge, string headingTag)
    {
        var labels = context.Labels;
        var imageSide = Paper.Mm(15);
        var qrSide = Paper.Mm(22);
        var textLeft = Paper.ContentLeft + imageSide + 10;
        var textWidth = Paper.ContentWidth - imageSide - 10 - qrSide - 8;

        var facts = new List<string> { labels.LevelText(badge.Level) };
        if (badge.Kind == BadgeKind.Milestone)
        {
            facts.Insert(0, labels["MilestoneBadge"]);
        }

        facts.Add($"{labels["IssuedOn"]} {labels.Date(badge.IssuedOn)}");
        if (badge.Expires is { } expires)
        {
            facts.Add($"{labels["ValidUntil"]} {labels.Format("ValidUntilValue", labels.Date(expires))}");
        }

        var where = new List<string>();
        if (!string.IsNullOrWhiteSpace(badge.UnitName))
        {
            where.Add(badge.UnitName);
        }

        if (!string.IsNullOrWhiteSpace(badge.DeliveryMode))
        {
            where.Add(labels.DeliveryMode(badge.DeliveryMode));
        }

        if (!string.IsNullOrWhiteSpace(badge.InstructorName))
        {
            where.Add($"{labels["Instructor"]}: {badge.InstructorName}" + (string.IsNullOrWhiteSpace(badge.InstructorTitle) ? string.Empty : $", {badge.InstructorTitle}"));
        }

        var blocks = new List<(TextBlock Text, float After)>
        {
            (TextBlock.Create(context.BodyBold.WithSize(11), badge.BadgeName, textWidth), 1),
            (TextBlock.Create(context.Body, string.Join(" · ", facts), textWidth), 2),
        };
        var level = labels.LevelText(badge.Level);
        if (badge.Alignments.Count > 0)
        {
            blocks.Add((TextBlock.Create(context.Label.WithSize(8.5f), "DigComp 2.2: " + string.Join("; ", badge.Alignments), textWidth), 1));
        }

        if (badge.CriteriaMet.Count > 0)
        {
            var label = labels[badge.Kind == BadgeKind.Milestone ? "HowYouShowedMilestone" : "Demonstrated"];
            blocks.Add((TextBlock.Create(context.Label.WithSize(8.5f).WithColor(Palette.Ink), $"{label}: {JoinCriteria(badge.CriteriaMet)}", textWidth), 1));
        }

        if (where.Count > 0)
        {
            blocks.Add((TextBlock.Create(context.Small, string.Join(" · ", where), textWidth), 1));
        }

        blocks.Add((TextBlock.Create(context.SmallBold, badge.ShortUrl, textWidth), 0));
        blocks.Add((TextBlock.Create(context.Small, $"{labels["CredentialId"]}: {badge.CredentialId}", textWidth), 0));

        var textHeight = blocks.Sum(b => b.Text.Height + b.After);
        var height = Math.Max(textHeight, qrSide) + 12;
        var image = context.Images.Get(badge.ImagePng);
        var qr = new QrCodeGraphic(badge.VerificationUrl);
        var imageAlternative = labels.Format("BadgeImageAlt", badge.BadgeName, level);
        var qrAlternative = labels.Format("QrAlt", badge.VerificationUrl);
        return new PreparedEntry(height, (c, top) =>
        {
            // Read as: the badge's name as a heading, its image, the facts, then the link to its verification page.
            var y = top;
            for (var i = 0; i < blocks.Count; i++)
            {
                var (text, after) = blocks[i];
                var at = y;
                var isUrl = i == blocks.Count - 2;
                c.Tagged(i == 0 ? headingTag : "P", () =>
                {
                    if (isUrl)
                    {
                        c.Link(new XRect(textLeft, at, text.Width, text.Height), badge.VerificationUrl, badge.VerificationUrl, () => text.Draw(c, textLeft, at));
                    }
                    else
                    {
                        text.Draw(c, textLeft, at);
                    }
                });
                y += text.Height + after;
                if (i == 0 && image is not null)
                {
                    var imageBox = new XRect(Paper.ContentLeft, top, imageSide, imageSide);
                    c.Figure(imageAlternative, imageBox, () => c.Image(image, imageBox));
                }
            }

            var qrBox = new XRect(Paper.ContentRight - qrSide, top - Paper.Mm(1.5f), qrSide, qrSide);
            c.Link(qrBox, badge.VerificationUrl, qrAlternative, () => c.Figure(qrAlternative, qrBox, () => qr.Draw(c, (float)qrBox.Left, (float)qrBox.Top, qrSide)));
            c.Rule(Paper.ContentLeft, top - 6 + height, Paper.ContentRight, Palette.Rule, 0.3f);
        });
    }

    /// <summary>
    /// The catalogue writes criteria as sentences ending in a full stop, and a semicolon after one printed ".;". A
    /// sentence is followed by a space only; a bare phrase (a milestone's part badge names) by "; ".
    /// </summary>
    private static string JoinCriteria(IReadOnlyList<string> criteria)
    {
        var text = new StringBuilder();
        foreach (var criterion in criteria.Select(c => c.Trim()).Where(c => c.Length > 0))
        {
            if (text.Length > 0)
            {
                text.Append(EndsSentence(text) ? " " : "; ");
            }

            text.Append(criterion);
        }

        return text.ToString();
    }

    private static bool EndsSentence(StringBuilder text) => text[^1] is '.' or '!' or '?' or '…' or ':' or ';';

    private sealed record Title(string Text, TextStyle Style, float Before, string Tag)
    {
        public TextBlock Block() => TextBlock.Create(Style, Text, Paper.ContentWidth);
    }

    /// <summary>A measured badge entry; <see cref="Draw"/> takes the top of its text.</summary>
    private sealed record PreparedEntry(float Height, Action<PdfCanvas, float> Draw);
}
