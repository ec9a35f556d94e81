using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Issuing;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Issuing;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.AvailableProviders))]
public sealed class ClaimTests(DatabaseProvider provider) : IssuingTestBase(provider)
{
    [Test]
    public async Task A_client_without_contacts_gets_a_placeholder_that_the_claim_code_turns_into_an_email_badge()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit);
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;
        var placeholder = JsonDocument.Parse(await Anonymous.GetStringAsync(issued.JsonUrl)).RootElement;
        Assert.That(issued.ClaimCode, Does.Match("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$"));
        Assert.That(placeholder.GetProperty("recipient").GetProperty("type").GetString(), Is.EqualTo("url"));

        using var response = await Anonymous.PostAsJsonAsync("/api/claims", new ClaimRequest(issued.ClaimCode!.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), "Client@Example.fi"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var claim = (await response.Content.ReadFromJsonAsync<ClaimResult>())!;

        var reissued = JsonDocument.Parse(await Anonymous.GetStringAsync($"/ob/assertions/{claim.AssertionId}")).RootElement;
        var recipient = reissued.GetProperty("recipient");
        var salt = recipient.GetProperty("salt").GetString()!;
        Assert.That(recipient.GetProperty("type").GetString(), Is.EqualTo("email"));
        Assert.That(recipient.GetProperty("identity").GetString(),
            Is.EqualTo("sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("client@example.fi" + salt)))));
        Assert.That(reissued.GetProperty("issuedOn").GetString(), Is.EqualTo(placeholder.GetProperty("issuedOn").GetString()));
        Assert.That(reissued.GetProperty("evidence")[0].GetProperty("narrative").GetString(),
            Is.EqualTo(placeholder.GetProperty("evidence")[0].GetProperty("narrative").GetString()));

        var revocations = await Scenario.JsonAsync(Anonymous, "/ob/revocations");
        var revoked = revocations.GetProperty("revokedAssertions").EnumerateArray().Single(r => r.GetProperty("id").GetString() != ObDocuments.NoAssertion);
        Assert.That(revoked.GetProperty("id").GetString(), Is.EqualTo("urn:uuid:" + issued.AssertionId));
        Assert.That(revoked.GetProperty("revocationReason").GetString(), Is.EqualTo("Merkki on myönnetty uudelleen saajan sähköpostiosoitteeseen. Uusi merkki on voimassa."), "the list publishes the wording, not the stored machine reason");
        Assert.That(claim.ReplacedAssertionId, Is.EqualTo(issued.AssertionId));

        var updated = await Instructor.GetFromJsonAsync<Osaamismerkit.Clients.ClientView>($"/api/clients/{client.Id}");
        Assert.That(updated!.Email, Is.EqualTo("client@example.fi"));
        Assert.That(await Scenario.CountAsync("assertions", "client_id = @Id", new { client.Id }), Is.EqualTo(2), "history is kept");
    }

    [Test]
    public async Task A_claim_code_works_once()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit);
        var code = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!.ClaimCode!;

        using var first = await Anonymous.PostAsJsonAsync("/api/claims", new ClaimRequest(code, "one@example.fi"));
        var audit = await Scenario.CountAsync("audit_log");
        using var second = await Anonymous.PostAsJsonAsync("/api/claims", new ClaimRequest(code, "two@example.fi"));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Scenario.CountAsync("audit_log"), Is.EqualTo(audit));
    }

    [TestCase("ABC", "x@example.fi", "code")]
    [TestCase("ABCD-EFGH-JKMN", "not-an-email", "email")]
    public async Task Bad_claims_are_reported_by_field(string code, string email, string field)
    {
        using var response = await Anonymous.PostAsJsonAsync("/api/claims", new ClaimRequest(code, email));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task An_unknown_code_is_not_found()
    {
        using var response = await Anonymous.PostAsJsonAsync("/api/claims", new ClaimRequest("ABCD-EFGH-JKMN", "x@example.fi"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
