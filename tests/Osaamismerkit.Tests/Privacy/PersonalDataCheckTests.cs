using Osaamismerkit.Clients;

namespace Osaamismerkit.Tests.Privacy;

/// <summary>The check itself, case by case: what it must catch after normalising, and what it must leave alone.</summary>
public sealed class PersonalDataCheckTests
{
    [TestCase("131052-308T")]
    [TestCase("131052-308t")]
    [TestCase("131052A308T")]
    [TestCase("131052\u2013308T")]
    [TestCase("131052\u2011308T")]
    [TestCase("131052\u2212308T")]
    [TestCase("\uFF11\uFF13\uFF11\uFF10\uFF15\uFF12\uFF0D\uFF13\uFF10\uFF18\uFF34")]
    [TestCase("131052-\u200B308T")]
    [TestCase("13\u200D1052-308T")]
    [TestCase("1310\u00AD52-308T")]
    [TestCase("131052  -  308T")]
    [TestCase("131052\u00A0-\u00A0308T")]
    [TestCase("131052308T")]
    [TestCase("131052-308Tabc")]
    [TestCase("131052-308t@example.fi")]
    public void An_identity_code_is_found_however_it_is_written(string text) =>
        Assert.That(PersonalDataCheck.HasIdentityCode("Asiakas " + text + " kävi"), Is.True);

    [TestCase("123456-7890")]
    [TestCase("010120-311220")]
    [TestCase("0401234567")]
    [TestCase("2026-12-04")]
    [TestCase("Tehtävä 3/5 tehty 4.12.2026")]
    public void Numbers_that_are_not_identity_codes_pass(string text) =>
        Assert.That(PersonalDataCheck.HasIdentityCode(text), Is.False);

    [TestCase("maija.m@example.fi")]
    [TestCase("MAIJA@EXAMPLE.FI")]
    [TestCase("maija @ example.fi")]
    [TestCase("maija\u200B@example.fi")]
    [TestCase("p. 040 1234567")]
    [TestCase("040-123 4567")]
    [TestCase("+358 40 123 4567")]
    [TestCase("+358\u201340\u2013123\u20134567")]
    [TestCase("00358401234567")]
    [TestCase("(09) 123 4567")]
    [TestCase("\uFF10\uFF14\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17")]
    public void Contact_details_are_found_in_published_text(string text) =>
        Assert.That(PersonalDataCheck.HasContactDetails("Teki tehtävän " + text), Is.True);

    [TestCase("Teki ajanvarauksen verkossa ja tallensi vahvistuksen.")]
    [TestCase("Osasi 5 tehtävää 6:sta 4.12.2026.")]
    [TestCase("Vuosina 2024-2026 harjoitteli tekstinkäsittelyä.")]
    [TestCase("Maksoi 120 euron laskun.")]
    public void Ordinary_statements_pass(string text) =>
        Assert.That(PersonalDataCheck.HasContactDetails(text), Is.False);
}
