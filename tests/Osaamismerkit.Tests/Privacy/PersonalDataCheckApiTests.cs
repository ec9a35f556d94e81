using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Privacy;

/// <summary>
/// Every stored free text goes through one identity-code check that reads text as a person does (issue 14, finding 4):
/// each way of writing 131052-308T below slipped past the old pattern and was stored.
/// </summary>
public sealed class PersonalDataCheckApiTests : IssuingTestBase
{
    public static IEnumerable<TestCaseData> Bypasses()
    {
        yield return new TestCaseData("131052\u2013308T").SetName("An identity code with an en dash is refused");
        yield return new TestCaseData("131052\u2011308T").SetName("An identity code with a non-breaking hyphen (U+2011) is refused");
        yield return new TestCaseData("131052\u2212308T").SetName("An identity code with a minus sign (U+2212) is refused");
        yield return new TestCaseData("\uFF11\uFF13\uFF11\uFF10\uFF15\uFF12-\uFF13\uFF10\uFF18T").SetName("An identity code in full-width digits is refused");
        yield return new TestCaseData("131052-\u200B308T").SetName("An identity code with a zero-width space is refused");
        yield return new TestCaseData("1310\u00AD52-308T").SetName("An identity code with a soft hyphen is refused");
        yield return new TestCaseData("131052  -  308T").SetName("An identity code with two spaces around the sign is refused");
        yield return new TestCaseData("131052308T").SetName("An identity code without its century sign is refused");
        yield return new TestCaseData("131052-308Tabc").SetName("An identity code with letters right after the check character is refused");
    }

    [TestCaseSource(nameof(Bypasses))]
    public async Task An_identity_code_written_to_slip_past_the_check_is_refused_without_being_repeated(string written)
    {
        var clients = await Scenario.CountAsync("clients");

        using var response = await Instructor.PostAsJsonAsync("/api/clients", new { displayName = "Asiakas " + written, preferredLanguage = "fi", unitId = Unit });
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "displayName" }));
        Assert.That(errors.GetProperty("displayName")[0].GetString(), Does.Contain("Henkilötunnusta ei saa tallentaa"));
        Assert.That(body, Does.Not.Contain("308"), "the refusal does not repeat the value");
        Assert.That(await Scenario.CountAsync("clients"), Is.EqualTo(clients));
    }

    [TestCase("123456-7890")]
    [TestCase("010120-311220")]
    public async Task Numbers_that_only_look_like_identity_codes_are_still_accepted(string number)
    {
        using var response = await Instructor.PostAsJsonAsync("/api/clients", new { displayName = "Asiakas " + number, preferredLanguage = "fi", unitId = Unit });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_phone_number_whose_ten_digits_could_pass_for_a_code_is_accepted_as_the_phone()
    {
        // 040123456 modulo 31 gives check character 1: as bare digits this is shaped like an identity code.
        using var response = await Instructor.PostAsJsonAsync("/api/clients", new { displayName = "Puhelinasiakas", phone = "0401234561", preferredLanguage = "fi", unitId = Unit });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_claim_email_made_of_an_identity_code_is_refused_and_the_badge_stays_unclaimed()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit);
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;

        using var response = await Anonymous.PostAsJsonAsync("/api/claims", new { code = issued.ClaimCode, email = "131052-308t@example.fi" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "email" }));
        Assert.That(body, Does.Not.Contain("131052"));
        Assert.That(await Scenario.CountAsync("assertions"), Is.EqualTo(1), "nothing re-issued");
        Assert.That(await Scenario.CountAsync("clients", "email_protected IS NOT NULL"), Is.Zero, "no address stored");
    }

    [Test]
    public async Task An_idempotency_key_carrying_an_identity_code_is_refused_and_nothing_is_stored()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "avain@example.fi");

        using var response = await Scenario.AssessAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit), idempotencyKey: "131052-308T");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "Idempotency-Key" }));
        Assert.That(body, Does.Not.Contain("131052"));
        Assert.That(await Scenario.CountAsync("assessments"), Is.Zero);
    }
}
