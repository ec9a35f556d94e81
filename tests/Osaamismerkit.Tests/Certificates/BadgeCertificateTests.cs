using Osaamismerkit.Certificates;
using UglyToad.PdfPig;
using static Osaamismerkit.Tests.Certificates.CertificateSamples;

namespace Osaamismerkit.Tests.Certificates;

public sealed class BadgeCertificateTests
{
    [TestCase("fi", "Osaamistodistus", "Taso 2 – perustaso", "Näyttöpäivä 12.3.2025", "Myönnetty 13.3.2025", "Tarkista aitous")]
    [TestCase("sv", "Kompetensintyg", "Nivå 2 – grundnivå", "Datum för kompetensprovet 12.3.2025", "Utfärdat 13.3.2025", "Kontrollera äktheten")]
    [TestCase("en", "Skill certificate", "Level 2 – basic level", "Date of demonstration 12 March 2025", "Issued 13 March 2025", "Check that it is genuine")]
    public void Certificate_prints_holder_badge_level_dates_issuer_id_and_verification_url(
        string language, string title, string level, string demonstrated, string issued, string verify)
    {
        var badge = Badge(language);
        var pdf = BadgeRenderer().Render(Issuer, Recipient(language), badge);

        using var document = PdfDocument.Open(pdf);
        Assert.That(document.NumberOfPages, Is.EqualTo(1));
        var text = PdfText.Of(document.GetPage(1));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain(title));
            Assert.That(text, Does.Contain("Åsa Öhman-Mäkelä"));
            Assert.That(text, Does.Contain(badge.BadgeName));
            Assert.That(text, Does.Contain(level));
            Assert.That(text, Does.Contain(demonstrated));
            Assert.That(text, Does.Contain(issued), "issued at 22:30 UTC on 12.3. is 13.3. in Finland");
            Assert.That(text, Does.Contain("Siun sote – Pohjois-Karjalan hyvinvointialue"));
            Assert.That(text, Does.Contain(badge.CredentialId));
            Assert.That(text, Does.Contain(badge.ShortUrl));
            Assert.That(text, Does.Contain(verify));
            Assert.That(text, Does.Contain(badge.CriteriaMet[0]));
            Assert.That(text, Does.Contain(badge.EvidenceNote));
            Assert.That(text, Does.Contain(badge.Alignments[0]));
            Assert.That(text, Does.Contain("Päivi Härkönen"));
        });
    }

    [Test]
    public void Finnish_and_Swedish_letters_are_selectable_text()
    {
        var badge = FinnishBadge() with
        {
            BadgeName = "Sähköinen asiointi ja äänipuhelu",
            EvidenceNote = "Åsa Öhman, Ärlig ÄÖÅ äöå – Övning på Åland, profiili ja fiilis.",
        };

        var text = PdfText.Of(BadgeRenderer().Render(Issuer, Recipient("sv", "Åke Ärlig-Öster"), badge));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Åke Ärlig-Öster"));
            Assert.That(text, Does.Contain("Sähköinen asiointi ja äänipuhelu"));
            Assert.That(text, Does.Contain("ÄÖÅ äöå"));
            Assert.That(text, Does.Contain("Övning på Åland"));
            Assert.That(text, Does.Contain("profiili ja fiilis"), "no ligatures that would break search");
        });
    }

    [Test]
    public void Document_information_names_title_author_subject_and_language()
    {
        var pdf = BadgeRenderer().Render(Issuer, Recipient("fi"), FinnishBadge());

        using var document = PdfDocument.Open(pdf);
        var information = document.Information;
        Assert.Multiple(() =>
        {
            Assert.That(information.Title, Is.EqualTo("Osaamistodistus: Verkkopankin käyttö"));
            Assert.That(information.Author, Is.EqualTo("Siun sote – Pohjois-Karjalan hyvinvointialue"));
            Assert.That(information.Subject, Is.EqualTo("Åsa Öhman-Mäkelä: Verkkopankin käyttö, Taso 2 – perustaso"));
            Assert.That(information.Keywords, Does.Contain("DigComp 2.2"));
            Assert.That(information.Creator, Is.EqualTo("Osaamismerkit"));
            Assert.That(information.CreationDate, Is.EqualTo("D:20250314103000+00'00'"), "from the injected clock");
            Assert.That(PdfText.Language(document), Is.EqualTo("fi"));
        });
    }

    [TestCase("sv")]
    [TestCase("en")]
    public void Document_language_follows_the_recipient(string language)
    {
        using var document = PdfDocument.Open(BadgeRenderer().Render(Issuer, Recipient(language), Badge(language)));

        Assert.That(PdfText.Language(document), Is.EqualTo(language));
    }

    [Test]
    public void Only_the_embedded_noto_sans_fonts_are_used()
    {
        using var document = PdfDocument.Open(BadgeRenderer().Render(Issuer, Recipient(), FinnishBadge()));

        var fonts = PdfText.Fonts(document);
        Assert.That(fonts, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            // PDFsharp names the subsets from the fonts' own name tables: "Noto Sans Regular" and "Noto Sans,Bold".
            Assert.That(fonts.Select(f => f.Name), Has.All.Match(@"^[A-Z]{6}\+Noto Sans[ ,](Regular|Bold)$"));
            Assert.That(fonts.Select(f => f.Name.Split('+')[1]).Distinct(), Is.EquivalentTo(new[] { "Noto Sans Regular", "Noto Sans,Bold" }));
            Assert.That(fonts, Has.All.Matches<(string Name, bool Embedded)>(f => f.Embedded), "every font carries its TrueType program");
            Assert.That(document.GetPage(1).Letters.Select(l => l.FontName).Distinct(), Has.All.Contain("Noto Sans"));
        });
    }

    [Test]
    public void Claim_code_certificate_prints_the_code_and_three_plain_steps()
    {
        var badge = FinnishBadge() with { Claim = Claim() };

        using var document = PdfDocument.Open(BadgeRenderer().Render(Issuer, Recipient(), badge));
        var text = PdfText.Of(document.GetPage(1));

        Assert.Multiple(() =>
        {
            Assert.That(document.NumberOfPages, Is.EqualTo(1), "the claim box still fits on the one page");
            Assert.That(text, Does.Contain("Ota merkki omaksesi"));
            Assert.That(text, Does.Contain("7KQM-4XRT-9HWC"));
            // The steps stand in a column beside the code, so lines of the two columns interleave in the text.
            Assert.That(text, Does.Contain("1. Avaa osoite osaamismerkit.siunsote.fi/lunasta"));
            Assert.That(text, Does.Contain("2. Kirjoita koodi 7KQM-4XRT-9HWC ja oma"));
            Assert.That(text, Does.Contain("3. Paina Ota merkki."));
            Assert.That(text, Does.Contain("Koodi toimii vain kerran."));
            Assert.That(text, Does.Contain(badge.ShortUrl), "the verification box is still there");
        });
    }

    [Test]
    public void Certificate_without_a_claim_code_has_no_claim_steps()
    {
        var text = PdfText.Of(BadgeRenderer().Render(Issuer, Recipient(), FinnishBadge()));

        Assert.That(text, Does.Not.Contain("Ota merkki omaksesi"));
    }

    [Test]
    public void Claim_instructions_are_translated()
    {
        var badge = Badge("en") with { Claim = Claim("en") };

        var text = PdfText.Of(BadgeRenderer().Render(Issuer, Recipient("en"), badge));

        Assert.That(text, Does.Contain("Claim your badge").And.Contain("2. Type the code 7KQM-4XRT-9HWC"));
    }

    [Test]
    public void Expiry_date_is_printed_when_the_badge_expires()
    {
        var badge = FinnishBadge() with { Expires = new DateTimeOffset(2027, 3, 13, 0, 0, 0, TimeSpan.Zero) };

        Assert.That(PdfText.Of(BadgeRenderer().Render(Issuer, Recipient(), badge)), Does.Contain("Voimassa 13.3.2027 asti"));
    }

    [Test]
    public void Verification_url_and_qr_code_are_links()
    {
        using var document = PdfDocument.Open(BadgeRenderer().Render(Issuer, Recipient(), FinnishBadge()));

        var links = document.GetPage(1).GetHyperlinks().Select(l => l.Uri).ToList();
        Assert.That(links, Is.Not.Empty.And.All.EqualTo(VerificationUrl));
    }

    [Test]
    public void Each_badge_gets_its_own_page()
    {
        var badges = new[] { FinnishBadge(), FinnishBadge() with { BadgeName = "Sähköposti" }, FinnishBadge() with { BadgeName = "Videopuhelu" } };

        var pages = PdfText.PageTexts(BadgeRenderer().Render(Issuer, Recipient(), badges));

        Assert.That(pages, Has.Count.EqualTo(3));
        Assert.That(pages[1], Does.Contain("Sähköposti").And.Not.Contain("sivu"), "a one-page certificate needs no page number");
        Assert.That(pages[2], Does.Contain("Videopuhelu"));
    }

    [Test]
    public void Long_words_and_texts_wrap_inside_the_margins_without_overlapping()
    {
        var badge = FinnishBadge() with
        {
            BadgeName = "Kansalaisen sähköisten asiointipalvelujen käyttöönottaminen ja hyödyntäminen arjessa",
            UnitName = "Pohjois-Karjalan hyvinvointialueen kuntouttavan työtoiminnan tietotekniikkapaja, Lieksan toimipiste",
            EvidenceNote = "Lentokonesuihkuturbiinimoottoriapumekaanikkoaliupseerioppilaskin onnistuisi, ja "
                + string.Concat(Enumerable.Repeat("asiakas teki tehtävän huolellisesti ja itsenäisesti. ", 6)),
            CriteriaMet = ["Käyttää tunnistautumissovellusta ja ymmärtää, miksi sitä tarvitaan", "Lähettää hakemuksen liitteineen"],
        };

        using var document = PdfDocument.Open(BadgeRenderer().Render(Issuer, Recipient(name: "Maria-Kristiina Väänänen-Hyvärinen"), badge));

        Assert.That(PdfText.Of(document.GetPage(1)), Does.Contain("Kansalaisen sähköisten asiointipalvelujen"));
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().ToList();
            Assert.That(words.Select(w => w.BoundingBox.Left).Min(), Is.GreaterThanOrEqualTo(Margin - 1), "left margin");
            Assert.That(words.Select(w => w.BoundingBox.Right).Max(), Is.LessThanOrEqualTo(page.Width - Margin + 1), "right margin");
            Assert.That(words.Select(w => w.BoundingBox.Bottom).Min(), Is.GreaterThanOrEqualTo(Margin - 1), "bottom margin");
            Assert.That(words.Select(w => w.BoundingBox.Top).Max(), Is.LessThanOrEqualTo(page.Height - Margin + 1), "top margin");
            Assert.That(Overlaps(words), Is.Empty, $"page {page.Number}: words drawn over each other");
        }
    }

    [Test]
    public void Content_that_does_not_fit_continues_on_a_numbered_second_page()
    {
        var badge = FinnishBadge() with
        {
            CriteriaMet = Enumerable.Range(1, 40).Select(i => $"Kriteeri {i}: asiakas tekee tehtävän vaiheen {i} itse").ToList(),
            Claim = Claim(),
        };

        var pages = PdfText.PageTexts(BadgeRenderer().Render(Issuer, Recipient(), badge));

        Assert.That(pages, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(pages[0], Does.Contain("sivu 1 / 2").And.Contain("7KQM-4XRT-9HWC").And.Contain("Tarkista aitous"));
            Assert.That(pages[1], Does.Contain("sivu 2 / 2").And.Contain("Osaamistodistus · Åsa Öhman-Mäkelä").And.Contain("Kriteeri 40"));
        });
    }

    [Test]
    public void Milestone_certificate_lists_its_parts_and_omits_demonstration_details()
    {
        var milestone = Portfolio(0).Single();

        var text = PdfText.Of(BadgeRenderer().Render(Issuer, Recipient(), milestone));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Koontimerkki · Taso 2 – perustaso"));
            Assert.That(text, Does.Contain("Tämän merkin osat"));
            Assert.That(text, Does.Not.Contain("Näyttöpäivä").And.Not.Contain("Ohjaaja"));
        });
    }

    [Test]
    public void Same_input_and_clock_give_the_same_text_layout_and_dates()
    {
        // Not the same bytes: PDFsharp gives every document a fresh file identifier and font subset tags.
        var first = BadgeRenderer().Render(Issuer, Recipient(), FinnishBadge());
        var second = BadgeRenderer().Render(Issuer, Recipient(), FinnishBadge());

        using var a = PdfDocument.Open(first);
        using var b = PdfDocument.Open(second);
        Assert.Multiple(() =>
        {
            Assert.That(PdfText.Of(second), Is.EqualTo(PdfText.Of(first)));
            Assert.That(b.GetPage(1).Letters.Select(l => (l.Value, Math.Round(l.Location.X, 2), Math.Round(l.Location.Y, 2))),
                Is.EqualTo(a.GetPage(1).Letters.Select(l => (l.Value, Math.Round(l.Location.X, 2), Math.Round(l.Location.Y, 2)))));
            Assert.That(b.Information.CreationDate, Is.EqualTo(a.Information.CreationDate).And.Contain("2025"));
        });
    }

    [Test]
    public void Text_stays_intact_after_garbage_collections()
    {
        // HarfBuzzSharp's Blob.FromStream left the font in unpinned managed memory: shaping broke after a GC.
        var before = PdfText.Of(BadgeRenderer().Render(Issuer, Recipient(), FinnishBadge()));
        for (var i = 0; i < 3; i++)
        {
            _ = new byte[20_000_000];
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        Assert.That(PdfText.Of(BadgeRenderer().Render(Issuer, Recipient(), FinnishBadge())), Is.EqualTo(before));
    }

    [Test]
    public void Issuer_logo_is_drawn_when_given()
    {
        var issuer = Issuer with { LogoPng = Circle(SkiaSharp.SKColors.Black) };

        using var document = PdfDocument.Open(BadgeRenderer().Render(issuer, Recipient(), FinnishBadge()));

        Assert.That(document.GetPage(1).NumberOfImages, Is.EqualTo(2), "the badge and the logo");
    }

    private const double Margin = 18 * 72 / 25.4;

    private static List<string> Overlaps(List<UglyToad.PdfPig.Content.Word> words)
    {
        var overlaps = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            for (var j = i + 1; j < words.Count; j++)
            {
                var (a, b) = (words[i].BoundingBox, words[j].BoundingBox);
                var width = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                var height = Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
                if (width > 0.5 && height > 0.5)
                {
                    overlaps.Add($"'{words[i].Text}' and '{words[j].Text}'");
                }
            }
        }

        return overlaps;
    }

    [TestCase("sv", "Handledarens iakttagelser (på finska)")]
    [TestCase("en", "Instructor's observations (in Finnish)")]
    public void A_finnish_note_on_a_swedish_or_english_certificate_says_it_is_written_in_finnish(string language, string label)
    {
        var badge = FinnishBadge() with { BadgeName = Badge(language).BadgeName };

        var text = PdfText.Of(BadgeRenderer().Render(Issuer, Recipient(language), badge));

        Assert.That(text, Does.Contain($"{label} {badge.EvidenceNote}"));
    }

    [TestCase("fi", "Ohjaajan havainnot")]
    [TestCase("sv", "Handledarens iakttagelser")]
    [TestCase("en", "Instructor's observations")]
    public void A_note_in_the_certificates_own_language_carries_no_language_label(string language, string label)
    {
        var badge = Badge(language);

        var text = PdfText.Of(BadgeRenderer().Render(Issuer, Recipient(language), badge));

        Assert.That(text, Does.Contain($"{label} {badge.EvidenceNote}"));
    }
}
