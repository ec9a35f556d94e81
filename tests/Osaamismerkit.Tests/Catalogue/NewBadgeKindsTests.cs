using System.Text.Json;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Catalogue;

/// <summary>First-steps, first-steps milestone and AI badges issue and publish like every other badge, with both alignments.</summary>
public sealed class NewBadgeKindsTests : IssuingTestBase
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly string[] NewKinds = ["citizen-device-1", "citizen-first-steps", "citizen-ai-1", "worklife-ai-2", "citizen-ai-3"];

    [TestCaseSource(nameof(NewKinds))]
    public async Task The_badge_class_publishes_digcomp_2_2_and_3_0_alignments(string id)
    {
        var badge = Scenario.Catalogue.Find(id)!;
        var badgeClass = await Scenario.JsonAsync(Anonymous, $"/ob/badges/{badge.Id}/{badge.Version}?lang=en");
        var alignment = badgeClass.GetProperty("alignment").EnumerateArray().ToList();
        var v3 = alignment.Where(a => a.GetProperty("targetFramework").GetString() == "DigComp 3.0").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(alignment.Count(a => a.GetProperty("targetFramework").GetString() == "DigComp 2.2"), Is.EqualTo(badge.Alignment.Count));
            Assert.That(v3.Select(a => a.GetProperty("targetCode").GetString()), Is.EqualTo(badge.DigComp3.Select(a => a.Competence)));
            Assert.That(v3[0].GetProperty("targetUrl").GetString(), Does.Contain("JRC144121"));
            Assert.That(v3[0].GetProperty("targetDescription").GetString(),
                Does.Contain($"{badge.Level}/8").And.Contain(badge.DigComp3[0].LearningOutcomes[0]));
            Assert.That(badgeClass.GetProperty("criteria").GetProperty("narrative").GetString(), Does.Contain("DigComp 3.0: Basic").Or.Contain("DigComp 3.0: Intermediate"));
        });
    }

    [Test]
    public async Task Eight_first_steps_issue_the_first_steps_milestone_but_not_the_basic_level_one()
    {
        var milestone = Scenario.Catalogue.Find("citizen-first-steps")!;
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "ensi@example.fi");

        var results = new List<AssessmentResult>();
        foreach (var part in milestone.PartIds.Select(p => Scenario.Catalogue.Find(p)!))
        {
            results.Add(await Scenario.PassAsync(Instructor, Scenario.Passing(part, client.Id, Unit)));
        }

        Assert.That(results.SelectMany(r => r.Milestones).Select(m => m.BadgeId), Is.EqualTo(new[] { milestone.Id }));
        Assert.That(await Scenario.CountAsync("assertions", "badge_id = 'citizen-basic-level'", new { }), Is.Zero);
    }

    [Test]
    public async Task A_basic_level_badge_is_issued_without_any_first_steps()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "suoraan@example.fi");

        var result = await Scenario.PassAsync(Instructor, Scenario.Passing(Scenario.Catalogue.Find("citizen-device-2")!, client.Id, Unit));

        Assert.That(result.Badge, Is.Not.Null);
    }

    [Test]
    public async Task A_version_recorded_before_digcomp_3_keeps_its_text_and_only_its_2_2_alignment()
    {
        var current = Scenario.Catalogue.Find("citizen-device-2")!;
        var old = current with { Version = "1.0.0", DigComp3Alignment = null };
        await using (var connection = await App.Service<Database>().OpenAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await BadgeDefinitionQueries.InsertAsync(transaction, old.Id, old.Version, "old", JsonSerializer.Serialize(old, Web), DateTimeOffset.UtcNow, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var before = await Scenario.JsonAsync(Anonymous, $"/ob/badges/{old.Id}/1.0.0?lang=fi");
        var now = await Scenario.JsonAsync(Anonymous, $"/ob/badges/{current.Id}/{current.Version}?lang=fi");

        Assert.Multiple(() =>
        {
            Assert.That(before.GetProperty("alignment").EnumerateArray().Select(a => a.GetProperty("targetFramework").GetString()).Distinct(), Is.EqualTo(new[] { "DigComp 2.2" }));
            Assert.That(before.GetProperty("criteria").GetProperty("narrative").GetString(), Does.Not.Contain("DigComp 3.0"));
            Assert.That(now.GetProperty("alignment").EnumerateArray().Select(a => a.GetProperty("targetFramework").GetString()).Distinct(), Is.EqualTo(new[] { "DigComp 2.2", "DigComp 3.0" }));
        });
    }

    [Test]
    public async Task The_catalogue_api_shows_the_digcomp_3_alignment_in_the_callers_language()
    {
        var badge = await Scenario.JsonAsync(Anonymous, "/api/catalogue/badges/citizen-ai-2?lang=sv");
        var first = badge.GetProperty("digComp3Alignment")[0];
        var expected = Scenario.Catalogue.Find("citizen-ai-2")!.DigComp3[0];

        Assert.That(first.GetProperty("code").GetString(), Is.EqualTo(expected.Competence));
        Assert.That(first.GetProperty("name").GetString(), Is.EqualTo(Scenario.Catalogue.DigComp3.FindCompetence(expected.Competence)!.Name.Sv));
        Assert.That(first.GetProperty("proficiencyName").GetString(), Is.EqualTo("Grundnivå"));
        Assert.That(first.GetProperty("learningOutcomes").EnumerateArray().Select(o => o.GetString()), Is.EqualTo(expected.LearningOutcomes));
    }
}
