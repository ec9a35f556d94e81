using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Privacy;

/// <summary>
/// What is published (the statement of what was demonstrated, the revocation reason) is kept apart from what staff write
/// for themselves, and published text carries no contact details or identity codes (issue 14, finding 3). The attacks
/// are the ones found: a statement naming the client with her e-mail and phone, a health remark, a revocation reason
/// naming the client, each of which ended up signed into the badge or on the public revocation list.
/// </summary>
public sealed class PublishedTextTests : IssuingTestBase
{
    private const string Exposing = "Maija Meikäläinen (maija.m@example.fi, p. 040 1234567) teki tehtävän.";

    [TestCase("evidenceNote")]
    [TestCase("statement")]
    public async Task A_statement_with_an_email_address_and_a_phone_number_is_refused_without_repeating_them(string field)
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "julkinen@example.fi");

        using var response = await Instructor.PostAsJsonAsync("/api/assessments", Assessment(client.Id, new Dictionary<string, string> { [field] = Exposing }));
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { field }));
        Assert.That(errors.GetProperty(field)[0].GetString(), Does.Contain("sähköpostiosoitetta"));
        Assert.That(body, Does.Not.Contain("maija.m").And.Not.Contain("1234567"), "the refusal does not repeat the value");
        Assert.That(await Scenario.CountAsync("assessments"), Is.Zero);
    }

    [TestCase("p. +358 40 123 4567")]
    [TestCase("puh 050-765 4321")]
    [TestCase("maija.m\u200B@example.fi")]
    [TestCase("131052-308T")]
    public async Task Contact_details_and_identity_codes_in_any_spelling_are_refused_in_the_statement(string detail)
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "kirjoitus@example.fi");

        using var response = await Instructor.PostAsJsonAsync("/api/assessments", Assessment(client.Id, new Dictionary<string, string> { ["statement"] = "Teki tehtävän, " + detail }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(await Scenario.CountAsync("assessments"), Is.Zero);
    }

    [Test]
    public async Task The_internal_note_is_kept_for_staff_and_never_published_in_the_badge_or_on_its_page()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "sisainen@example.fi");

        using var response = await Instructor.PostAsJsonAsync("/api/assessments", Assessment(client.Id, new Dictionary<string, string>
        {
            ["statement"] = "Teki ajanvarauksen verkossa ja tallensi vahvistuksen.",
            ["internalNote"] = "struggles with anxiety",
        }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var issued = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("badge");

        var json = await Anonymous.GetStringAsync(issued.GetProperty("jsonUrl").GetString());
        var jws = await Anonymous.GetStringAsync(issued.GetProperty("jwsUrl").GetString());
        var page = await Anonymous.GetStringAsync(issued.GetProperty("publicUrl").GetString());
        Assert.That(json, Does.Contain("Teki ajanvarauksen verkossa"), "the statement is the published evidence");
        Assert.That(page, Does.Contain("Teki ajanvarauksen verkossa"));
        foreach (var published in new[] { json, jws, page })
        {
            Assert.That(published, Does.Not.Contain("anxiety"));
        }

        var export = JsonDocument.Parse(await Instructor.GetStringAsync($"/api/clients/{client.Id}/export")).RootElement;
        Assert.That(export.GetProperty("assessments")[0].GetProperty("internal_note").GetString(), Is.EqualTo("struggles with anxiety"));
    }

    [Test]
    public async Task A_free_text_revocation_reason_is_published_only_as_other_and_kept_as_the_internal_note()
    {
        var (issued, publicPage) = await IssuedAsync("peruttava@example.fi");

        using var response = await Instructor.PostAsJsonAsync($"/api/assertions/{issued}/revoke", new { reason = "Maija Meikäläinen pyysi, maija.m@example.fi" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());

        var list = await Anonymous.GetStringAsync("/ob/revocations");
        var reason = JsonDocument.Parse(list).RootElement.GetProperty("revokedAssertions")[0].GetProperty("revocationReason").GetString();
        var page = await Anonymous.GetStringAsync(publicPage);
        Assert.That(reason, Is.EqualTo("Merkki on peruttu muusta syystä."));
        Assert.That(list + page, Does.Not.Contain("Maija").And.Not.Contain("maija.m"));
        Assert.That(page, Does.Contain("Merkki on peruttu muusta syyst"));
        Assert.That(await Scenario.CountAsync("assertions", "revocation_reason = 'other' AND revocation_note LIKE 'Maija%'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_revocation_reason_code_is_published_in_its_wording_and_the_note_stays_internal()
    {
        var (issued, publicPage) = await IssuedAsync("koodi@example.fi");

        using var response = await Instructor.PostAsJsonAsync($"/api/assertions/{issued}/revoke", new { reason = "issued_in_error", internalNote = "Sekoitettiin Maijan kanssa" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());

        var list = await Anonymous.GetStringAsync("/ob/revocations");
        var page = await Anonymous.GetStringAsync(publicPage + "?lang=en");
        Assert.That(JsonDocument.Parse(list).RootElement.GetProperty("revokedAssertions")[0].GetProperty("revocationReason").GetString(),
            Is.EqualTo("Merkki myönnettiin virheellisesti."));
        Assert.That(page, Does.Contain("The badge was issued in error."));
        Assert.That(list + page, Does.Not.Contain("Maija"));
    }

    [Test]
    public async Task A_revocation_note_with_an_identity_code_is_refused_and_the_badge_stays_valid()
    {
        var (issued, _) = await IssuedAsync("tunnus@example.fi");

        using var response = await Instructor.PostAsJsonAsync($"/api/assertions/{issued}/revoke", new { reason = "other", internalNote = "Väärä henkilö 131052\u2013308T" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "internalNote" }));
        Assert.That(await Scenario.CountAsync("assertions", "revoked_at IS NOT NULL"), Is.Zero);
    }

    [Test]
    public async Task A_unit_name_with_a_phone_number_is_refused_because_certificates_print_it()
    {
        using var admin = Scenario.Admin();

        using var response = await admin.PostAsJsonAsync("/api/units", new { name = "Paja, soita 040 123 4567", municipalityCode = "167" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("123 4567"));
    }

    private Dictionary<string, object?> Assessment(string clientId, Dictionary<string, string> texts)
    {
        var body = new Dictionary<string, object?>
        {
            ["clientId"] = clientId,
            ["badgeId"] = BasicBadge.Id,
            ["badgeVersion"] = BasicBadge.Version,
            ["demonstratedOn"] = "2026-11-20",
            ["unitId"] = Unit,
            ["deliveryMode"] = "onsite",
            ["criteria"] = BasicBadge.Criteria.Select(c => new { id = c.Id, met = true }).ToList(),
        };
        foreach (var (key, value) in texts)
        {
            body[key] = value;
        }

        return body;
    }

    private async Task<(string Id, string Page)> IssuedAsync(string email)
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: email);
        var badge = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;
        return (badge.AssertionId, badge.PublicUrl);
    }
}
