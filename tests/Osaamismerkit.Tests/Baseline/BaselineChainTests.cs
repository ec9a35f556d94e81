using Osaamismerkit.Baseline;

namespace Osaamismerkit.Tests.Baseline;

public sealed class BaselineChainTests
{
    [Test]
    public void Each_mapping_links_to_its_neighbours_overall_and_within_its_phase_year_and_quarter()
    {
        BaselineChain.Link[] ordered =
        [
            Mapping("a", new DateOnly(2025, 12, 30), "intake"),
            Mapping("b", new DateOnly(2026, 1, 15), "start"),
            Mapping("c", new DateOnly(2026, 3, 31), "start"),
            Mapping("d", new DateOnly(2026, 4, 1), "intake"),
            Mapping("e", new DateOnly(2026, 4, 1), "closing"),
        ];

        var links = BaselineChain.Links(ordered).ToDictionary(l => l.Id);

        Assert.Multiple(() =>
        {
            Assert.That(links["a"].PreviousOn, Is.Null);
            Assert.That(links["a"].NextOn, Is.EqualTo(new DateOnly(2026, 1, 15)));
            Assert.That(links["a"].NextInPhaseOn, Is.EqualTo(new DateOnly(2026, 4, 1)), "the next intake mapping");
            Assert.That(links["a"].NextInYearOn, Is.Null, "the next one is in another year");
            Assert.That(links["b"].NextInQuarterOn, Is.EqualTo(new DateOnly(2026, 3, 31)));
            Assert.That(links["c"].NextInQuarterOn, Is.Null, "1 April is the next quarter");
            Assert.That(links["c"].NextInYearOn, Is.EqualTo(new DateOnly(2026, 4, 1)));
            Assert.That(links["c"].NextInPhaseOn, Is.Null, "no later start mapping");
            Assert.That(links["d"].NextOn, Is.EqualTo(new DateOnly(2026, 4, 1)), "same day, later in the order");
            Assert.That(links["e"].PreviousOn, Is.EqualTo(new DateOnly(2026, 4, 1)));
            Assert.That(links["e"].NextOn, Is.Null);
        });
    }

    private static BaselineChain.Link Mapping(string id, DateOnly on, string phase) => new() { Id = id, AssessedOn = on, Phase = phase };
}
