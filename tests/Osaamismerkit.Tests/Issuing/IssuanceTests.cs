using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Issuing;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.AvailableProviders))]
public sealed class IssuanceTests(DatabaseProvider provider) : IssuingTestBase(provider)
{
    [Test]
    public async Task A_passed_assessment_issues_an_assertion_signed_with_the_published_key()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "Maija.Meikalainen@Example.fi");

        var result = await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit));

        Assert.That(result.Outcome, Is.EqualTo(Outcomes.Passed));
        var jws = await Anonymous.GetStringAsync(result.Badge!.JwsUrl);
        var json = await Anonymous.GetStringAsync(result.Badge.JsonUrl);
        Assert.That(IndependentJwsVerifier.Payload(jws), Is.EqualTo(json));

        var assertion = JsonDocument.Parse(json).RootElement;
        Assert.That(assertion.GetProperty("@context").GetString(), Is.EqualTo("https://w3id.org/openbadges/v2"));
        Assert.That(assertion.GetProperty("id").GetString(), Is.EqualTo("urn:uuid:" + result.Badge.AssertionId));
        Assert.That(assertion.GetProperty("verification").GetProperty("type").GetString(), Is.EqualTo("SignedBadge"));
        Assert.That(assertion.GetProperty("evidence")[0].GetProperty("narrative").GetString(), Is.EqualTo("Kirjautui itse ja löysi tiedot."));
        Assert.That(assertion.GetProperty("issuedOn").GetString(), Is.EqualTo("2026-11-23T09:00:00+00:00"));

        var recipient = assertion.GetProperty("recipient");
        var salt = recipient.GetProperty("salt").GetString()!;
        var expected = "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("maija.meikalainen@example.fi" + salt)));
        Assert.That(recipient.GetProperty("type").GetString(), Is.EqualTo("email"));
        Assert.That(recipient.GetProperty("hashed").GetBoolean(), Is.True);
        Assert.That(recipient.GetProperty("identity").GetString(), Is.EqualTo(expected));

        var key = await Scenario.JsonAsync(Anonymous, assertion.GetProperty("verification").GetProperty("creator").GetString()!);
        // The profile the validator reaches: the BadgeClass's issuer, the signing key's own generation.
        var ownBadgeClass = await Scenario.JsonAsync(Anonymous, assertion.GetProperty("badge").GetString()!);
        var issuer = await Scenario.JsonAsync(Anonymous, ownBadgeClass.GetProperty("issuer").GetString()!);
        Assert.That(key.GetProperty("owner").GetString(), Is.EqualTo(issuer.GetProperty("id").GetString()));
        Assert.That(issuer.GetProperty("publicKey").GetString(), Is.EqualTo(key.GetProperty("id").GetString()));
        Assert.That(IndependentJwsVerifier.Verify(jws, key.GetProperty("publicKeyPem").GetString()!), Is.True);

        var badgeClass = await Scenario.JsonAsync(Anonymous, assertion.GetProperty("badge").GetString()!);
        Assert.That(badgeClass.GetProperty("id").GetString(), Is.EqualTo(assertion.GetProperty("badge").GetString()));
        Assert.That(badgeClass.GetProperty("issuer").GetString(), Is.EqualTo(issuer.GetProperty("id").GetString()));
        Assert.That(badgeClass.GetProperty("name").GetString(), Is.EqualTo(BasicBadge.Name.Fi));
    }

    [Test]
    public async Task A_tampered_payload_or_a_foreign_key_fails_verification()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "a@example.fi");
        var result = await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit));
        var jws = await Anonymous.GetStringAsync(result.Badge!.JwsUrl);
        var assertion = JsonDocument.Parse(IndependentJwsVerifier.Payload(jws)).RootElement;
        var pem = (await Scenario.JsonAsync(Anonymous, assertion.GetProperty("verification").GetProperty("creator").GetString()!))
            .GetProperty("publicKeyPem").GetString()!;

        var tampered = IndependentJwsVerifier.WithPayload(jws, IndependentJwsVerifier.Payload(jws).Replace("2026-11-23", "2025-11-23", StringComparison.Ordinal));
        using var foreign = RSA.Create(2048);

        Assert.That(IndependentJwsVerifier.Verify(jws, pem), Is.True);
        Assert.That(IndependentJwsVerifier.Verify(tampered, pem), Is.False);
        Assert.That(IndependentJwsVerifier.Verify(jws, foreign.ExportSubjectPublicKeyInfoPem()), Is.False);
    }

    [Test]
    public async Task A_failed_criterion_keeps_progress_issues_nothing_and_writes_one_audit_row()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "b@example.fi");
        var auditBefore = await Scenario.CountAsync("audit_log");

        using var response = await Scenario.AssessAsync(Instructor, Scenario.FailingOne(BasicBadge, client.Id, Unit));
        var result = (await response.Content.ReadFromJsonAsync<AssessmentResult>())!;

        Assert.That(result.Outcome, Is.EqualTo(Outcomes.NotYet));
        Assert.That(result.MissingCriteria, Is.EqualTo(new[] { BasicBadge.Criteria.First(c => c.Required).Id }));
        Assert.That(result.Badge, Is.Null);
        Assert.That(await Scenario.CountAsync("assertions"), Is.Zero);
        Assert.That(await Scenario.CountAsync("audit_log") - auditBefore, Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'assessment.recorded'"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_client_with_only_a_phone_gets_a_placeholder_with_a_claim_code_not_a_telephone_hash()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, phone: "040 123 4567");

        var result = await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit));

        var recipient = JsonDocument.Parse(await Anonymous.GetStringAsync(result.Badge!.JsonUrl)).RootElement.GetProperty("recipient");
        Assert.That(client.Phone, Is.EqualTo("+358401234567"));
        Assert.That(recipient.GetProperty("type").GetString(), Is.EqualTo("url"));
        Assert.That(result.Badge.ClaimCode, Is.Not.Null);
    }

    [Test]
    public async Task Prerequisites_are_enforced_naming_the_missing_badge_and_nothing_is_written()
    {
        var upper = Scenario.Catalogue.Badges.First(b => b.Kind == BadgeKind.Skill && b.PrerequisiteIds.Count > 0);
        var lower = Scenario.Catalogue.Find(upper.PrerequisiteIds[0])!;
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "c@example.fi");
        var before = (await Scenario.CountAsync("assessments"), await Scenario.CountAsync("audit_log"));

        using var refused = await Scenario.AssessAsync(Instructor, Scenario.Passing(upper, client.Id, Unit));
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(lower.Name.Fi).And.Contain(lower.Id));
        Assert.That((await Scenario.CountAsync("assessments"), await Scenario.CountAsync("audit_log")), Is.EqualTo(before));

        await Scenario.PassAsync(Instructor, Scenario.Passing(lower, client.Id, Unit));
        var upperResult = await Scenario.PassAsync(Instructor, Scenario.Passing(upper, client.Id, Unit));
        Assert.That(upperResult.Badge!.BadgeId, Is.EqualTo(upper.Id));
    }

    [Test]
    public async Task The_last_part_issues_the_milestone_automatically()
    {
        var milestone = Scenario.Catalogue.Badges.First(b => b.Kind == BadgeKind.Milestone && b.PartIds.All(p => Scenario.Catalogue.Find(p)!.PrerequisiteIds.Count == 0));
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "d@example.fi");
        var parts = milestone.PartIds.Select(p => Scenario.Catalogue.Find(p)!).ToList();

        var results = new List<AssessmentResult>();
        foreach (var part in parts)
        {
            results.Add(await Scenario.PassAsync(Instructor, Scenario.Passing(part, client.Id, Unit)));
        }

        Assert.That(results.Take(parts.Count - 1).SelectMany(r => r.Milestones), Is.Empty);
        Assert.That(results[^1].Milestones.Select(m => m.BadgeId), Is.EqualTo(new[] { milestone.Id }));
        var json = JsonDocument.Parse(await Anonymous.GetStringAsync(results[^1].Milestones[0].JsonUrl)).RootElement;
        Assert.That(json.GetProperty("evidence")[0].GetProperty("narrative").GetString(), Does.Contain(parts[0].Name.Fi));
        Assert.That(await Scenario.CountAsync("assertions", "badge_id = @Id", new { milestone.Id }), Is.EqualTo(1));
    }

    [Test]
    public async Task Assertions_point_at_the_badge_class_in_the_clients_language_with_the_others_linked()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "e@example.fi", language: "sv");

        var result = await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit));

        var badgeUrl = JsonDocument.Parse(await Anonymous.GetStringAsync(result.Badge!.JsonUrl)).RootElement.GetProperty("badge").GetString()!;
        Assert.That(badgeUrl, Does.Contain($"/ob/badges/{BasicBadge.Id}/{BasicBadge.Version}/k").And.EndWith("?lang=sv"));
        var swedish = await Scenario.JsonAsync(Anonymous, badgeUrl);
        Assert.That(swedish.GetProperty("name").GetString(), Is.EqualTo(BasicBadge.Name.Sv));
        Assert.That(swedish.GetProperty("@language").GetString(), Is.EqualTo("sv"));
        var related = swedish.GetProperty("related").EnumerateArray().ToDictionary(r => r.GetProperty("@language").GetString()!, r => r.GetProperty("id").GetString()!);
        Assert.That(related.Keys, Is.EquivalentTo(new[] { "fi", "en" }));
        Assert.That((await Scenario.JsonAsync(Anonymous, related["en"])).GetProperty("name").GetString(), Is.EqualTo(BasicBadge.Name.En));
        Assert.That((await Scenario.JsonAsync(Anonymous, related["fi"])).GetProperty("criteria").GetProperty("narrative").GetString(),
            Does.Contain(BasicBadge.Criteria[0].Text.Fi));
    }

    [Test]
    public async Task Badge_classes_carry_the_digcomp_alignment()
    {
        var badgeClass = await Scenario.JsonAsync(Anonymous, $"/ob/badges/{BasicBadge.Id}/{BasicBadge.Version}?lang=en");
        var alignment = badgeClass.GetProperty("alignment")[0];
        var competence = BasicBadge.Alignment[0].Competence;

        Assert.That(alignment.GetProperty("targetFramework").GetString(), Is.EqualTo("DigComp 2.2"));
        Assert.That(alignment.GetProperty("targetCode").GetString(), Is.EqualTo(competence));
        Assert.That(alignment.GetProperty("targetName").GetString(), Is.EqualTo(competence + " " + Scenario.Catalogue.DigComp.FindCompetence(competence)!.Name.En));
        Assert.That(alignment.GetProperty("targetUrl").GetString(), Does.StartWith("https://"));
    }
}
