using Osaamismerkit.Certificates.Layout;
using PdfSharp.Drawing;
using static Osaamismerkit.Tests.Certificates.CertificateSamples;

namespace Osaamismerkit.Tests.Certificates;

public sealed class TextBlockTests
{
    private static readonly TextStyle Body = new(Fonts.Regular, 10, XColors.Black);

    [Test]
    public void Lines_break_between_words_and_never_exceed_the_width()
    {
        var block = TextBlock.Create(Body, "Kirjautuu verkkopankkiin omilla pankkitunnuksillaan ja maksaa laskun", 150);

        Assert.That(block.Texts, Is.EqualTo(new[] { "Kirjautuu verkkopankkiin omilla", "pankkitunnuksillaan ja maksaa", "laskun" }));
        Assert.That(block.Width, Is.LessThanOrEqualTo(150));
        Assert.That(block.Height, Is.EqualTo(3 * Body.LineHeight));
    }

    [Test]
    public void A_hyphenated_name_breaks_after_its_hyphen()
    {
        var block = TextBlock.Create(Body, "Siun sote – Pohjois-Karjalan hyvinvointialue", 110);

        Assert.That(block.Texts, Is.EqualTo(new[] { "Siun sote – Pohjois-", "Karjalan", "hyvinvointialue" }));
    }

    [Test]
    public void A_word_longer_than_the_line_breaks_between_letters_rather_than_running_off()
    {
        var block = TextBlock.Create(Body, "Lentokonesuihkuturbiinimoottoriapumekaanikkoaliupseerioppilas", 100);

        Assert.That(block.LineCount, Is.GreaterThan(1));
        Assert.That(block.Width, Is.LessThanOrEqualTo(100));
        Assert.That(string.Concat(block.Texts), Is.EqualTo("Lentokonesuihkuturbiinimoottoriapumekaanikkoaliupseerioppilas"));
    }

    [Test]
    public void A_soft_hyphen_prints_as_a_hyphen_only_where_the_line_breaks()
    {
        var word = "Työ\u00ADtoiminta\u00ADpaikka";

        Assert.That(TextBlock.Create(Body, word, 300).Texts, Is.EqualTo(new[] { "Työtoimintapaikka" }));
        Assert.That(TextBlock.Create(Body, word, 60).Texts, Is.EqualTo(new[] { "Työtoiminta-", "paikka" }));
    }

    [Test]
    public void Line_breaks_in_the_text_are_kept()
    {
        Assert.That(TextBlock.Create(Body, "2.3 Osallistuminen\n4.1 Suojaaminen", 400).Texts, Is.EqualTo(new[] { "2.3 Osallistuminen", "4.1 Suojaaminen" }));
    }
}
