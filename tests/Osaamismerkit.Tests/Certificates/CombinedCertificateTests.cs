using System.Text.RegularExpressions;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Certificates;
using UglyToad.PdfPig;
using static Osaamismerkit.Tests.Certificates.CertificateSamples;

namespace Osaamismerkit.Tests.Certificates;

public sealed class CombinedCertificateTests
{
    [Test]
    public void Milestones_come_first_then_each_track_by_competence_area()
    {
        var text = PdfText.Of(CombinedRenderer().Render(Issuer, Recipient(), Portfolio()));

        // Portfolio(): citizen badges in areas 1–5, work-life badges in areas 1–4.
        string[] order =
        [
            "Koontimerkit", "Digitaalinen kansalainen – perustaso",
            "Kansalaisen digitaidot", "Osaamisalue 1: Tieto- ja datalukutaito", "Osaamisalue 2:", "Osaamisalue 3:", "Osaamisalue 4:", "Osaamisalue 5:",
            "Työelämän digitaidot", "Osaamisalue 1:", "Osaamisalue 2: Viestintä ja yhteistyö", "Osaamisalue 3:", "Osaamisalue 4:",
        ];
        var position = 0;
        foreach (var heading in order)
        {
            var next = text.IndexOf(heading, position, StringComparison.Ordinal);
            Assert.That(next, Is.Not.Negative, $"'{heading}' after position {position}");
            position = next + heading.Length;
        }

        Assert.That(text.IndexOf("Osaamisalue 5:", position, StringComparison.Ordinal), Is.Negative, "no work-life badge is in area 5");
    }

    [Test]
    public void Every_page_is_numbered_and_names_the_holder()
    {
        var pages = PdfText.PageTexts(CombinedRenderer().Render(Issuer, Recipient(), Portfolio(12)));

        Assert.That(pages, Has.Count.EqualTo(4));
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.That(pages[i], Does.Contain($"sivu {i + 1} / {pages.Count}").And.Contain("Osaamistodistus · Åsa Öhman-Mäkelä"));
            Assert.That(pages[i], Does.Contain("Kansalaisen digitaidot").Or.Contain("Työelämän digitaidot"), "a continued track repeats its heading");
        }
    }

    [Test]
    public void Each_badge_shows_level_date_alignment_what_was_shown_and_where_to_verify_it()
    {
        var badge = FinnishBadge();

        var text = PdfText.Of(CombinedRenderer().Render(Issuer, Recipient(), [badge]));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Osaamistodistus Kooste osaamismerkeistä Åsa Öhman-Mäkelä"));
            Assert.That(text, Does.Contain("Osaamismerkkejä: 1 · Tulostettu 14.3.2025"));
            Assert.That(text, Does.Contain("Verkkopankin käyttö Taso 2 – perustaso · Myönnetty 13.3.2025"));
            Assert.That(text, Does.Contain("DigComp 2.2: 2.3 Osallistuminen kansalaisena"));
            Assert.That(text, Does.Contain("Osoitti: Kirjautuu verkkopankkiin"));
            Assert.That(text, Does.Contain(badge.ShortUrl));
            Assert.That(text, Does.Contain(badge.CredentialId));
        });
    }

    [Test]
    public void Expired_badges_are_left_out()
    {
        var badges = new[]
        {
            FinnishBadge(),
            FinnishBadge() with { BadgeName = "Vanhentunut merkki", Expires = Now.AddDays(-1) },
            FinnishBadge() with { BadgeName = "Voimassa oleva merkki", Expires = Now.AddDays(1) },
        };

        var text = PdfText.Of(CombinedRenderer().Render(Issuer, Recipient(), badges));

        Assert.That(text, Does.Not.Contain("Vanhentunut merkki").And.Contain("Voimassa oleva merkki").And.Contain("Osaamismerkkejä: 2"));
    }

    [TestCase("sv", "Sammanställning av kompetensmärken", "Medborgarens digitala färdigheter", "sida 1 / 1")]
    [TestCase("en", "Summary of skill badges", "Digital citizen skills", "page 1 / 1")]
    public void Combined_certificate_is_translated(string language, string subtitle, string track, string pageNumber)
    {
        using var document = PdfDocument.Open(CombinedRenderer().Render(Issuer, Recipient(language), [Badge(language)]));

        var text = PdfText.Of(document.GetPage(1));
        Assert.That(text, Does.Contain(subtitle).And.Contain(track).And.Contain(pageNumber));
        Assert.That(PdfText.Language(document), Is.EqualTo(language));
    }

    [Test]
    public void Document_information_names_the_summary_and_the_holder()
    {
        using var document = PdfDocument.Open(CombinedRenderer().Render(Issuer, Recipient(), Portfolio(3)));

        Assert.That(document.Information.Title, Is.EqualTo("Osaamistodistus: Kooste osaamismerkeistä"));
        Assert.That(document.Information.Subject, Is.EqualTo("Åsa Öhman-Mäkelä: Osaamismerkkejä: 4"));
        Assert.That(document.Information.Author, Is.EqualTo(Issuer.Name));
    }

    [Test]
    public void A_client_without_valid_badges_gets_a_one_page_document_that_says_so()
    {
        var pages = PdfText.PageTexts(CombinedRenderer().Render(Issuer, Recipient(), []));

        Assert.That(pages, Has.Count.EqualTo(1));
        Assert.That(pages[0], Does.Contain("Voimassa olevia osaamismerkkejä ei ole."));
    }

    [Test]
    public void Work_life_milestones_sort_after_citizen_milestones()
    {
        var citizen = Portfolio(0).Single();
        var workLife = citizen with { BadgeName = "Digitaalinen työntekijä – perustaso", Track = Track.WorkLife };

        var text = PdfText.Of(CombinedRenderer().Render(Issuer, Recipient(), [workLife, citizen]));

        Assert.That(text.IndexOf("Digitaalinen kansalainen", StringComparison.Ordinal), Is.LessThan(text.IndexOf("Digitaalinen työntekijä", StringComparison.Ordinal)));
    }

    [Test]
    public void Criteria_written_as_sentences_are_joined_as_sentences_without_a_stray_semicolon()
    {
        var badge = FinnishBadge() with
        {
            CriteriaMet = ["Kirjautuu verkkopankkiin omilla pankkitunnuksillaan.", "Tarkistaa tilin saldon ja tilitapahtumat.", "Maksaa laskun ja tallentaa kuitin."],
        };

        var text = PdfText.Of(CombinedRenderer().Render(Issuer, Recipient(), [badge]));

        Assert.That(text, Does.Not.Contain(".;"));
        Assert.That(text, Does.Contain("Osoitti: Kirjautuu verkkopankkiin omilla pankkitunnuksillaan. Tarkistaa tilin saldon ja tilitapahtumat. Maksaa laskun ja tallentaa kuitin."));
    }

    [Test]
    public void Criteria_without_end_punctuation_are_still_separated_by_semicolons()
    {
        var text = PdfText.Of(CombinedRenderer().Render(Issuer, Recipient(), [FinnishBadge()]));

        Assert.That(text, Does.Contain("Osoitti: Kirjautuu verkkopankkiin omilla pankkitunnuksillaan; Tarkistaa tilin saldon ja tilitapahtumat; Maksaa laskun ja tallentaa kuitin"));
    }

    [Test]
    public void No_heading_is_left_at_the_foot_of_a_page_and_every_badge_is_under_its_own_track_and_area_heading()
    {
        var badges = ManyBadges();
        var pages = PdfText.PageTexts(CombinedRenderer().Render(Issuer, Recipient(), badges));

        Assert.That(pages, Has.Count.GreaterThanOrEqualTo(2));
        var byId = badges.ToDictionary(b => b.CredentialId);
        var tracks = new[] { "Kansalaisen digitaidot", "Työelämän digitaidot" };
        for (var p = 0; p < pages.Count; p++)
        {
            var page = pages[p];
            var headings = tracks.SelectMany(t => Positions(page, Regex.Escape(t)))
                .Concat(Positions(page, "Koontimerkit"))
                .Concat(Positions(page, @"Osaamisalue \d:"))
                .ToList();
            var ids = Regex.Matches(page, @"00000000-0000-4000-8000-\d{12}").Select(m => (m.Index, Id: m.Value)).ToList();
            Assert.That(ids, Is.Not.Empty, $"page {p + 1} holds badges");
            foreach (var heading in headings)
            {
                Assert.That(ids.Any(i => i.Index > heading), $"page {p + 1}: a heading at {heading} has no badge after it on the same page:\n{page}");
            }

            foreach (var (index, id) in ids.Where(i => byId[i.Id].Kind == BadgeKind.Skill))
            {
                var badge = byId[id];
                var area = Regex.Matches(page[..index], @"Osaamisalue (\d):").LastOrDefault();
                var track = Regex.Matches(page[..index], string.Join('|', tracks)).LastOrDefault();
                Assert.That(area?.Groups[1].Value, Is.EqualTo(badge.Area.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"page {p + 1}: {badge.BadgeName} under its area heading:\n{page}");
                Assert.That(track?.Value, Is.EqualTo(tracks[badge.Track == Track.Citizen ? 0 : 1]), $"page {p + 1}: {badge.BadgeName} under its track heading");
            }
        }

        Assert.That(string.Join('\n', pages), Does.Contain("(jatkuu)"), "at least one area continues on a new page");
    }

    [TestCase("fi", "(jatkuu)")]
    [TestCase("sv", "(forts.)")]
    [TestCase("en", "(continued)")]
    public void A_continued_area_heading_says_it_continues(string language, string continued)
    {
        var pages = PdfText.PageTexts(CombinedRenderer().Render(Issuer, Recipient(language), ManyBadges()));

        Assert.That(pages[0], Does.Not.Contain(continued));
        Assert.That(pages.Skip(1).Any(p => p.Contains(continued, StringComparison.Ordinal)), pages[1]);
    }

    /// <summary>Six badges in every area of both tracks, each with long criteria: enough for areas to run over a page.</summary>
    private static List<CertificateBadge> ManyBadges() =>
        Portfolio(60).Select(b => b.Kind == BadgeKind.Milestone ? b : b with
        {
            CriteriaMet = [.. b.CriteriaMet.Select(c => c + " ja kertoo ohjaajalle omin sanoin, miksi tekee niin.")],
        }).ToList();

    private static IEnumerable<int> Positions(string text, string pattern) => Regex.Matches(text, pattern).Select(m => m.Index);
}
