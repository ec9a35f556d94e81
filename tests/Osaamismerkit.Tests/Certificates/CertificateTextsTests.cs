using System.Collections;
using System.Globalization;
using System.Resources;
using Osaamismerkit.Resources;

namespace Osaamismerkit.Tests.Certificates;

public sealed class CertificateTextsTests
{
    [TestCase("sv")]
    [TestCase("en")]
    public void Every_certificate_text_has_a_translation(string language)
    {
        var manager = new ResourceManager(typeof(CertificateTexts));
        var finnish = Texts(manager, CultureInfo.InvariantCulture);
        var translated = Texts(manager, CultureInfo.GetCultureInfo(language));

        Assert.That(translated.Keys, Is.EquivalentTo(finnish.Keys));
        Assert.That(translated.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key), Is.Empty);
    }

    private static Dictionary<string, string> Texts(ResourceManager manager, CultureInfo culture) =>
        manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);
}
