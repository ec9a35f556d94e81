using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Tests.ClientMessages;

/// <summary>
/// Plain language (selkokieli / lättläst / plain English) in what a client reads: the messages, the wallet and the
/// claim page. Short sentences, as the first-steps criteria keep them, and the word "skill badge" explained where a
/// client first meets it.
/// </summary>
public sealed partial class PlainLanguageTests
{
    private const int MaxWords = 12;

    [TestCase("fi")]
    [TestCase("sv")]
    [TestCase("en")]
    public void Every_sentence_a_client_reads_in_a_message_the_wallet_or_the_claim_page_is_short(string language)
    {
        var texts = Texts(typeof(MessageTexts), language)
            .Concat(Texts(typeof(PublicTexts), language).Where(t => t.Key.StartsWith("Wallet", StringComparison.Ordinal) || t.Key.StartsWith("Claim", StringComparison.Ordinal)))
            .ToList();

        Assert.That(texts, Has.Count.GreaterThan(30));
        foreach (var (key, text) in texts)
        {
            foreach (var sentence in Sentences().Split(text).Where(s => s.Trim().Length > 0))
            {
                Assert.That(sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries), Has.Length.LessThanOrEqualTo(MaxWords), $"{language} {key}: {sentence}");
            }
        }
    }

    [TestCase("fi", "Osaamismerkki on todistus taidosta.", "Osaamismerkki kertoo, mitä osaat.")]
    [TestCase("sv", "Ett kompetensmärke är ett bevis på en färdighet.", "Ett kompetensmärke visar vad du kan.")]
    [TestCase("en", "A skill badge is proof of a skill.", "A skill badge shows what you can do.")]
    public void The_first_message_and_the_wallet_say_what_a_skill_badge_is(string language, string inMessage, string inWallet)
    {
        var culture = CultureInfo.GetCultureInfo(language);

        Assert.That(new ResourceManager(typeof(MessageTexts)).GetString("IssuedBody", culture), Does.Contain(inMessage));
        Assert.That(new ResourceManager(typeof(PublicTexts)).GetString("WalletIntro", culture), Does.Contain(inWallet));
    }

    private static IEnumerable<KeyValuePair<string, string>> Texts(Type resource, string language) =>
        new ResourceManager(resource).GetResourceSet(language == "fi" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language), true, false)!
            .Cast<DictionaryEntry>()
            .Select(e => new KeyValuePair<string, string>((string)e.Key, (string)e.Value!));

    [GeneratedRegex(@"(?<=[.!?:])\s+|\n+")]
    private static partial Regex Sentences();
}
