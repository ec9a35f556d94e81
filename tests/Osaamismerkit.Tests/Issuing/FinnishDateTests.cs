using System.Net.Http.Json;
using Osaamismerkit.Baseline;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Issuing;

/// <summary>
/// "Today" is the day in Finland: from midnight to 02:00 (03:00 in summer) Finnish time the UTC date is still yesterday,
/// and the forms fill in the Finnish date. A demonstration or baseline recorded then must not be refused as a future one.
/// </summary>
public sealed class FinnishDateTests : IssuingTestBase
{
    // 23:30 UTC on 5 December is 01:30 on 6 December in Joensuu.
    private static readonly DateTimeOffset AfterFinnishMidnight = new(2026, 12, 5, 23, 30, 0, TimeSpan.Zero);

    [Test]
    public async Task A_demonstration_on_the_Finnish_date_after_midnight_is_recorded_and_the_next_day_is_refused()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "yo@example.fi");
        App.Clock.SetUtcNow(AfterFinnishMidnight);

        using var tomorrow = await Scenario.AssessAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit) with { DemonstratedOn = "2026-12-07" });
        Assert.That((int)tomorrow.StatusCode, Is.EqualTo(400), "the next Finnish day is still in the future");
        Assert.That(await tomorrow.Content.ReadAsStringAsync(), Does.Contain("demonstratedOn"));

        var issued = await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit) with { DemonstratedOn = "2026-12-06" });
        Assert.That(issued.Badge, Is.Not.Null, "the Finnish today, a day ahead of UTC, is accepted");
    }

    [Test]
    public async Task A_baseline_on_the_Finnish_date_after_midnight_is_recorded()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "yo2@example.fi");
        App.Clock.SetUtcNow(AfterFinnishMidnight);

        using var response = await Instructor.PostAsJsonAsync($"/api/clients/{client.Id}/baselines",
            new BaselineRequest("2026-12-06", Unit, "intake", "onsite", Enumerable.Range(1, 5).Select(area => new AreaLevelInput(area, 1, null)).ToList<AreaLevelInput?>()));

        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
    }
}
