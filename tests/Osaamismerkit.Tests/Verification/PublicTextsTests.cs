using System.Collections;
using System.Globalization;
using System.Resources;
using Osaamismerkit.PublicPages;
using Osaamismerkit.Resources;
using Osaamismerkit.Verification;

namespace Osaamismerkit.Tests.Verification;

public sealed class PublicTextsTests
{
    private static readonly ResourceManager Resources = new(typeof(PublicTexts));

    [Test]
    public void Swedish_and_english_have_every_finnish_text_and_none_is_empty()
    {
        var finnish = Texts(CultureInfo.InvariantCulture);

        foreach (var language in new[] { "sv", "en" })
        {
            var translated = Texts(CultureInfo.GetCultureInfo(language));
            Assert.That(translated.Keys, Is.EquivalentTo(finnish.Keys), language);
            Assert.That(translated.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key), Is.Empty, language);
        }
    }

    [Test]
    public void Format_placeholders_match_across_languages()
    {
        var finnish = Texts(CultureInfo.InvariantCulture);
        foreach (var language in new[] { "sv", "en" })
        {
            foreach (var (key, value) in Texts(CultureInfo.GetCultureInfo(language)))
            {
                Assert.That(Placeholders(value), Is.EqualTo(Placeholders(finnish[key])), $"{language}: {key}");
            }
        }
    }

    [TestCase("fi", "23.11.2026 klo 11.00")]
    [TestCase("sv", "23.11.2026 kl. 11.00")]
    [TestCase("en", "23 November 2026 at 11:00")]
    public void Times_are_shown_in_finnish_time_in_each_languages_own_way(string language, string expected)
    {
        Assert.That(PageText.In(language).DateTime(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)), Is.EqualTo(expected));
    }

    [Test]
    public void Summer_time_is_taken_into_account()
    {
        Assert.That(PageText.In("fi").DateTime(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero)), Is.EqualTo("1.7.2026 klo 12.00"));
    }

    private static Dictionary<string, string> Texts(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);

    private static List<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal).ToList();
}
