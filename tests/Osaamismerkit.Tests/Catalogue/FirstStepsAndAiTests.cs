using System.Text.RegularExpressions;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Catalogue;

/// <summary>First steps (DigComp level 1, with guidance) for every citizen skill, and AI badges at levels 1–3 in both tracks.</summary>
public sealed partial class FirstStepsAndAiTests
{
    private static readonly Osaamismerkit.Catalogue.BadgeCatalogue Catalogue =
        CatalogueLoader.Load(CatalogueFiles.DefinitionsFolder, CatalogueFiles.SchemaPath);

    private static IEnumerable<BadgeDefinition> FirstSteps => Catalogue.Badges.Where(b => b.Kind == BadgeKind.Skill && b.IsFirstSteps);

    [Test]
    public void Every_citizen_skill_has_a_first_steps_badge_that_requires_nothing()
    {
        var citizenSkills = Catalogue.Badges.Where(b => b.Track == Track.Citizen && b.Kind == BadgeKind.Skill).Select(b => b.Skill).Distinct();
        foreach (var skill in citizenSkills)
        {
            var first = Catalogue.Badges.SingleOrDefault(b => b.Track == Track.Citizen && b.Skill == skill && b.Level == 1);
            Assert.That(first, Is.Not.Null, $"citizen skill {skill} has no first-steps badge");
            Assert.That(first!.PrerequisiteIds, Is.Empty, first.Id);
        }
    }

    [Test]
    public void A_client_may_start_at_the_basic_level_without_the_first_steps()
    {
        var firstStepIds = FirstSteps.Select(b => b.Id).ToHashSet();
        var needing = Catalogue.Badges.Where(b => b.PrerequisiteIds.Any(firstStepIds.Contains)).Select(b => b.Id);
        Assert.That(needing, Is.Empty);
    }

    [Test]
    public void The_first_steps_milestone_is_all_citizen_first_steps_and_is_not_the_basic_level()
    {
        var milestone = Catalogue.Badges.Single(b => b.Kind == BadgeKind.Milestone && b.IsFirstSteps);
        var citizenFirstSteps = FirstSteps.Where(b => b.Track == Track.Citizen && b.Skill != "ai").Select(b => b.Id);

        Assert.That(milestone.PartIds, Is.EquivalentTo(citizenFirstSteps));
        Assert.That(Osaamismerkit.Reports.Tracks.BasicMilestone(Catalogue, Track.Citizen), Is.EqualTo("citizen-basic-level"));
    }

    [TestCase(Track.Citizen)]
    [TestCase(Track.WorkLife)]
    public void Each_track_has_ai_badges_at_levels_1_to_3_and_the_third_requires_the_second(Track track)
    {
        var ai = Catalogue.Badges.Where(b => b.Track == track && b.Skill == "ai").OrderBy(b => b.Level).ToList();

        Assert.That(ai.Select(b => b.Level), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(ai[1].PrerequisiteIds, Is.Empty);
        Assert.That(ai[2].PrerequisiteIds, Is.EqualTo(new[] { ai[1].Id }));
        Assert.That(ai.SelectMany(b => b.DigComp3).SelectMany(a => a.LearningOutcomes)
            .Select(code => Catalogue.DigComp3.FindCompetence(code[2..5])!.FindLearningOutcome(code)!.Ai), Has.Some.EqualTo("explicit"),
            "an AI badge cites outcomes the framework marks AI-explicit");
    }

    /// <summary>
    /// Plain language (selkokieli / lättläst / plain English): short sentences a poor reader can follow, and the help an
    /// instructor may give said in the criterion itself rather than left to the instructor's reading.
    /// </summary>
    [Test]
    public void First_steps_criteria_are_short_sentences_that_name_the_help_or_the_instructor()
    {
        foreach (var badge in FirstSteps)
        {
            foreach (var criterion in badge.Criteria)
            {
                foreach (var (language, text) in new[] { ("fi", criterion.Text.Fi), ("sv", criterion.Text.Sv), ("en", criterion.Text.En) })
                {
                    var longest = Sentences().Split(text).Where(s => s.Length > 0).Max(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
                    Assert.That(longest, Is.LessThanOrEqualTo(12), $"{badge.Id}/{criterion.Id} ({language}): {text}");
                }
            }

            var named = badge.Criteria.Count(c => c.Text.Fi.Contains("ohjaaja", StringComparison.OrdinalIgnoreCase));
            Assert.That(named, Is.GreaterThanOrEqualTo(badge.Criteria.Count / 2), $"{badge.Id}: say where the instructor helps");
        }
    }

    [Test]
    public void The_equivalence_table_names_every_definition_once_and_first_steps_are_below_perusosaaja()
    {
        var table = Catalogue.Equivalences!;

        Assert.That(table.Equivalences.Select(e => e.Badge), Is.EquivalentTo(Catalogue.Badges.Select(b => b.Id)));
        Assert.That(table.Levels.OrderBy(l => l.Order).First().Code, Is.EqualTo("perusosaaja"));
        foreach (var badge in Catalogue.Badges.Where(b => b.IsFirstSteps))
        {
            Assert.That(table.For(badge.Id)!.Relation, Is.EqualTo("below"), badge.Id);
        }
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex Sentences();
}
