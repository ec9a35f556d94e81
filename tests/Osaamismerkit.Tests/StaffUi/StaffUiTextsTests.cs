using System.Collections;
using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Tests.StaffUi;

public sealed partial class StaffUiTextsTests
{
    private static readonly ResourceManager Resources = new(typeof(StaffUiTexts));

    [Test]
    public void Swedish_and_english_have_every_finnish_text_none_empty_and_the_same_placeholders()
    {
        var finnish = Texts(CultureInfo.InvariantCulture);

        foreach (var language in new[] { "sv", "en" })
        {
            var translated = Texts(CultureInfo.GetCultureInfo(language));
            Assert.That(translated.Keys, Is.EquivalentTo(finnish.Keys), language);
            foreach (var (key, value) in translated)
            {
                Assert.That(value, Is.Not.Empty, $"{language}: {key}");
                Assert.That(Placeholders(value), Is.EqualTo(Placeholders(finnish[key])), $"{language}: {key}");
            }
        }
    }

    [Test]
    public void Every_text_the_pages_ask_for_exists()
    {
        var keys = Texts(CultureInfo.InvariantCulture).Keys.ToHashSet();
        var source = Path.GetFullPath(Path.Combine(ThisFolder(), "..", "..", "..", "src", "Osaamismerkit", "StaffUi"));
        var asked = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => Asked().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet();

        Assert.That(asked, Is.Not.Empty);
        Assert.That(asked.Where(k => !keys.Contains(k)), Is.Empty);
    }

    private static string ThisFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static Dictionary<string, string> Texts(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static string[] Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order().ToArray();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("""Text\["(?<key>[A-Za-z0-9]+)"[,\]]""")]
    private static partial Regex Asked();
}
