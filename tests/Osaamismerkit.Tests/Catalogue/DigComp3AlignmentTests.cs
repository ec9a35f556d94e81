using System.Text.Json.Nodes;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Catalogue;

/// <summary>DigComp 3.0 beside 2.2: every definition cites 3.0 competences and learning-outcome codes the framework file holds.</summary>
public sealed class DigComp3AlignmentTests
{
    private static readonly Osaamismerkit.Catalogue.BadgeCatalogue Catalogue =
        CatalogueLoader.Load(CatalogueFiles.DefinitionsFolder, CatalogueFiles.SchemaPath);

    private string _folder = null!;

    [SetUp]
    public void CopyCatalogue() => _folder = CatalogueFiles.CopyToTemp();

    [TearDown]
    public void RemoveCopy() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void The_framework_file_holds_the_four_levels_the_eight_level_mapping_and_every_learning_outcome_code()
    {
        var framework = Catalogue.DigComp3;
        var outcomes = framework.Areas.SelectMany(a => a.Competences).SelectMany(c => c.LearningOutcomes).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(framework.Framework, Is.EqualTo("DigComp 3.0"));
            Assert.That(framework.TargetUrl, Does.Contain("JRC144121"));
            Assert.That(outcomes, Has.Count.EqualTo(523), "the Data Supplement of 24 Nov 2025 lists 523 learning outcomes");
            Assert.That(outcomes.Select(o => o.Code).Distinct().Count(), Is.EqualTo(outcomes.Count));
            Assert.That(framework.ProficiencyLevels.Select(p => p.Key), Is.EqualTo(new[] { "basic", "intermediate", "advanced", "highlyAdvanced" }));
            Assert.That(framework.ProficiencyOf(1)!.Key, Is.EqualTo("basic"), "level 1 is the bottom of basic");
            Assert.That(framework.ProficiencyOf(2)!.Key, Is.EqualTo("basic"));
            Assert.That(framework.ProficiencyOf(3)!.Key, Is.EqualTo("intermediate"));
            Assert.That(framework.Source.Verified, Is.True);
            Assert.That(framework.Source.CodesFrom, Does.Contain("Data Supplement"));
        });
    }

    [Test]
    public void Every_definition_has_a_digcomp_3_alignment_with_known_outcomes_at_or_below_its_level()
    {
        foreach (var badge in Catalogue.Badges)
        {
            Assert.That(badge.DigComp3, Is.Not.Empty, $"{badge.Id} has no DigComp 3.0 alignment");
            var rank = Catalogue.DigComp3.RankOf(Catalogue.DigComp3.ProficiencyOf(badge.Level)!.Key);
            foreach (var reference in badge.DigComp3)
            {
                var competence = Catalogue.DigComp3.FindCompetence(reference.Competence);
                Assert.That(competence, Is.Not.Null, $"{badge.Id}: {reference.Competence}");
                Assert.That(reference.LearningOutcomes, Is.Not.Empty, $"{badge.Id}: {reference.Competence} cites no outcome");
                foreach (var code in reference.LearningOutcomes)
                {
                    var outcome = competence!.FindLearningOutcome(code);
                    Assert.That(outcome, Is.Not.Null, $"{badge.Id}: {code}");
                    Assert.That(Catalogue.DigComp3.RankOf(outcome!.Proficiency), Is.LessThanOrEqualTo(rank), $"{badge.Id}: {code} is {outcome.Proficiency}");
                }
            }
        }
    }

    [Test]
    public void A_definition_without_a_digcomp_3_alignment_is_rejected()
    {
        var id = Catalogue.Badges.First(b => b.Kind == BadgeKind.Skill).Id;
        CatalogueFiles.Edit(_folder, id, json => json.Remove("digComp3Alignment"));

        var error = SingleError();

        Assert.That(error.File, Is.EqualTo(id + ".json"));
        Assert.That(error.Reason, Does.Contain("required property 'digComp3Alignment' is missing"));
    }

    [Test]
    public void A_definition_without_an_english_criterion_is_rejected()
    {
        var id = Catalogue.Badges.First(b => b.IsFirstSteps && b.Kind == BadgeKind.Skill).Id;
        CatalogueFiles.Edit(_folder, id, json => json["criteria"]![0]!["text"]!.AsObject().Remove("en"));

        var error = SingleError();

        Assert.That(error.JsonPath, Is.EqualTo("$.criteria[0].text.en"));
    }

    [Test]
    public void An_unknown_learning_outcome_is_rejected_naming_the_competence()
    {
        var id = Catalogue.Badges.First(b => b.Kind == BadgeKind.Skill && b.Level == 2).Id;
        CatalogueFiles.Edit(_folder, id, json => json["digComp3Alignment"]![0]!["learningOutcomes"] = new JsonArray("LO1.1.99"));

        var error = SingleError();

        Assert.That(error.JsonPath, Is.EqualTo("$.digComp3Alignment[0].learningOutcomes[0]"));
        Assert.That(error.Reason, Does.Contain("'LO1.1.99' is not a learning outcome"));
    }

    [Test]
    public void An_intermediate_outcome_on_a_basic_level_badge_is_rejected()
    {
        var badge = Catalogue.Badges.First(b => b.Kind == BadgeKind.Skill && b.Level == 2);
        var competence = Catalogue.DigComp3.FindCompetence(badge.DigComp3[0].Competence)!;
        var intermediate = competence.LearningOutcomes.First(o => o.Proficiency == "intermediate").Code;
        CatalogueFiles.Edit(_folder, badge.Id, json => json["digComp3Alignment"]![0]!["learningOutcomes"] = new JsonArray(intermediate));

        var error = SingleError();

        Assert.That(error.Reason, Does.Contain("intermediate outcome, above this level-2 badge"));
    }

    [Test]
    public void A_corrected_code_in_the_framework_file_needs_no_code_change()
    {
        // The codes are data: renaming an outcome in the framework file and in the definition that cites it loads cleanly.
        var badge = Catalogue.Badges.First(b => b.Kind == BadgeKind.Skill && b.Level == 2);
        var code = badge.DigComp3[0].LearningOutcomes[0];
        var frameworkPath = Path.Combine(_folder, CatalogueLoader.Framework3File);
        var others = Catalogue.Badges.Where(b => b.DigComp3.Any(a => a.LearningOutcomes.Contains(code))).Select(b => b.Id).ToList();
        File.WriteAllText(frameworkPath, File.ReadAllText(frameworkPath).Replace($"\"{code}\"", $"\"{code[..^2]}98\"", StringComparison.Ordinal));
        foreach (var id in others)
        {
            var path = Path.Combine(_folder, id + ".json");
            File.WriteAllText(path, File.ReadAllText(path).Replace($"\"{code}\"", $"\"{code[..^2]}98\"", StringComparison.Ordinal));
        }

        var reloaded = CatalogueLoader.Load(_folder, CatalogueFiles.SchemaPath);

        Assert.That(reloaded.Find(badge.Id)!.DigComp3[0].LearningOutcomes, Does.Contain(code[..^2] + "98"));
    }

    private CatalogueError SingleError()
    {
        var exception = Assert.Throws<CatalogueValidationException>(() => CatalogueLoader.Load(_folder, CatalogueFiles.SchemaPath));
        var errors = exception!.Errors.ToList();
        Assert.That(errors, Has.Count.EqualTo(1), string.Join(Environment.NewLine, errors));
        return errors[0];
    }
}
