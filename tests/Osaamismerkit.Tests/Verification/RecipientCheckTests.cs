using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Osaamismerkit.Assessments;
using Osaamismerkit.Verification;

namespace Osaamismerkit.Tests.Verification;

/// <summary>
/// The employer's question — was this badge issued to the person I was told? — answered for each kind of identity
/// they may be given, by the hash rule the official validator applies (SHA-256 of identity + salt).
/// </summary>
public sealed class RecipientCheckTests : PublicPagesTestBase
{
    [TestCase("owner@example.fi", true)]
    [TestCase(" Owner@Example.FI ", true)]
    [TestCase("someone@example.fi", false)]
    [TestCase("+358401234567", false)]
    public async Task An_email_recipient_matches_its_address_in_any_case_and_nothing_else(string asked, bool matches)
    {
        var (_, issued) = await IssueAsync("owner@example.fi");

        Assert.That(await RecipientMatchesAsync(issued, asked), Is.EqualTo(matches));
    }

    [TestCase("+358401234567")]
    [TestCase("040 123 4567")]
    [TestCase("+358401234568")]
    public async Task A_telephone_number_never_confirms_a_phone_only_clients_badge(string asked)
    {
        // The attacker's oracle: try numbers until one says "yes". The client's own number must answer as any other.
        var (_, issued) = await IssueAsync(email: null, phone: "040 123 4567");

        Assert.That(issued.RecipientType, Is.EqualTo("url"));
        Assert.That(await RecipientMatchesAsync(issued, asked), Is.False);
    }

    [Test]
    public async Task A_badge_issued_to_the_holders_url_matches_that_url_and_not_another()
    {
        var (_, issued) = await IssueAsync(email: null);
        var (_, other) = await IssueAsync(email: null);

        Assert.That(issued.RecipientType, Is.EqualTo("url"));
        Assert.That(await RecipientMatchesAsync(issued, issued.PublicUrl), Is.True);
        Assert.That(await RecipientMatchesAsync(issued, other.PublicUrl), Is.False);
    }

    [Test]
    public async Task Without_a_recipient_the_answer_leaves_the_question_open()
    {
        var (_, issued) = await IssueAsync();

        using var response = await Anonymous.PostAsJsonAsync("/api/verify", new VerifyRequest(await Anonymous.GetStringAsync(issued.JwsUrl)));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("valid"));
        Assert.That(!body.TryGetProperty("recipientMatches", out var matches) || matches.ValueKind == JsonValueKind.Null, Is.True);
    }

    [Test]
    public async Task A_recipient_that_is_no_kind_of_identity_is_refused_by_field_in_the_callers_language()
    {
        var (_, issued) = await IssueAsync();

        using var response = await Anonymous.PostAsJsonAsync("/api/verify?lang=en", new VerifyRequest(await Anonymous.GetStringAsync(issued.JwsUrl), "not an address"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("errors").GetProperty("recipient")[0].GetString(), Does.Contain("badge link"));
    }

    [Test]
    public async Task A_baked_image_uploaded_with_a_recipient_field_answers_for_that_recipient()
    {
        var (_, issued) = await IssueAsync("owner@example.fi");
        var png = await Anonymous.GetByteArrayAsync($"/b/{ShortIdOf(issued)}/badge.png");
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "merkki.png");
        using var recipient = new StringContent("OWNER@example.fi");
        form.Add(recipient, "recipient");

        using var response = await Anonymous.PostAsync("/api/verify", form);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("recipientMatches").GetBoolean(), Is.True);
    }

    [Test]
    public async Task The_public_pages_check_answers_the_clients_own_number_exactly_as_any_other_and_says_what_to_ask_for()
    {
        var (_, issued) = await IssueAsync(email: null, phone: "040 123 4567");
        var token = AntiforgeryField(await HtmlAsync(await Anonymous.GetAsync($"/b/{ShortIdOf(issued)}")));

        using var own = await PostFormAsync(Anonymous, $"/b/{ShortIdOf(issued)}/check", token, new("email", "+358 40 123 4567"));
        using var other = await PostFormAsync(Anonymous, $"/b/{ShortIdOf(issued)}/check", token, new("email", "+358 40 123 4568"));
        var ownAnswer = System.Net.WebUtility.HtmlDecode(Regex.Match(await HtmlAsync(own), "<p[^>]*id=\"check-result\"[^>]*>(.*?)</p>", RegexOptions.Singleline).Groups[1].Value);
        var otherAnswer = System.Net.WebUtility.HtmlDecode(Regex.Match(await HtmlAsync(other), "<p[^>]*id=\"check-result\"[^>]*>(.*?)</p>", RegexOptions.Singleline).Groups[1].Value);

        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ownAnswer, Does.Contain("Pyydä merkin saajalta"));
        Assert.That(ownAnswer, Is.EqualTo(otherAnswer), "the answer may not depend on whether the number is the client's");
    }

    private async Task<bool> RecipientMatchesAsync(IssuedBadge issued, string recipient)
    {
        using var response = await Anonymous.PostAsJsonAsync("/api/verify", new VerifyRequest(await Anonymous.GetStringAsync(issued.JwsUrl), recipient));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("recipientMatches").GetBoolean();
    }
}
