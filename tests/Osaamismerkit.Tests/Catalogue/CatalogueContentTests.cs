using Osaamismerkit.Catalogue;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Catalogue;

/// <summary>The catalogue is content a county can use: both tracks, all DigComp areas, two levels a skill, milestones.</summary>
public sealed class CatalogueContentTests
{
    private static readonly Osaamismerkit.Catalogue.BadgeCatalogue Catalogue =
        CatalogueLoader.Load(CatalogueFiles.DefinitionsFolder, CatalogueFiles.SchemaPath);

    [Test]
    public void It_has_at_least_24_skill_badges_in_both_tracks()
    {
        var skills = Catalogue.Badges.Where(b => b.Kind == BadgeKind.Skill).ToList();
        Assert.That(skills, Has.Count.GreaterThanOrEqualTo(24));
        Assert.That(skills.Select(b => b.Track).Distinct(), Is.EquivalentTo(new[] { Track.Citizen, Track.WorkLife }));
    }

    [Test]
    public void Every_digcomp_area_is_covered()
    {
        var areas = Catalogue.Badges.SelectMany(b => b.Alignment).Select(a => a.Area).Distinct();
        Assert.That(areas, Is.EquivalentTo(new[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public void Every_skill_has_the_basic_level_and_the_next_one_which_requires_it()
    {
        // A skill name may be shared by both tracks (ai): each track's ladder is checked on its own.
        foreach (var skill in Catalogue.Badges.Where(b => b.Kind == BadgeKind.Skill).GroupBy(b => (b.Track, b.Skill)))
        {
            var basic = skill.SingleOrDefault(b => b.Level == 2);
            var next = skill.SingleOrDefault(b => b.Level == 3);
            Assert.That(basic, Is.Not.Null, $"{skill.Key} has no basic level (2)");
            Assert.That(next, Is.Not.Null, $"{skill.Key} has no next level (3)");
            Assert.That(next!.PrerequisiteIds, Does.Contain(basic!.Id), $"{next.Id} should require {basic.Id}");
        }
    }

    [Test]
    public void Milestones_exist_for_both_tracks_and_consist_of_same_track_skill_badges()
    {
        var milestones = Catalogue.Badges.Where(b => b.Kind == BadgeKind.Milestone).ToList();
        Assert.That(milestones.Select(m => m.Track).Distinct(), Is.EquivalentTo(new[] { Track.Citizen, Track.WorkLife }));
        foreach (var milestone in milestones)
        {
            var parts = milestone.PartIds.Select(Catalogue.Find).ToList();
            Assert.That(parts, Has.All.Not.Null);
            Assert.That(parts.Select(p => p!.Track), Has.All.EqualTo(milestone.Track), milestone.Id);
        }
    }

    [Test]
    public void Every_badge_has_all_texts_in_three_languages()
    {
        foreach (var badge in Catalogue.Badges)
        {
            foreach (var text in new[] { badge.Name, badge.Description }.Concat(badge.Criteria.Select(c => c.Text)))
            {
                Assert.That(new[] { text.Fi, text.Sv, text.En }, Has.All.Not.Empty, badge.Id);
                Assert.That(text.Sv, Is.Not.EqualTo(text.Fi), $"{badge.Id}: Swedish text is a copy of the Finnish");
            }
        }
    }
}
