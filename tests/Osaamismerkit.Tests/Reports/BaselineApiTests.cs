using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Osaamismerkit.Baseline;
using Osaamismerkit.Tests.Issuing;

namespace Osaamismerkit.Tests.Reports;

public sealed class BaselineApiTests : IssuingTestBase
{
    private static BaselineRequest Mapping(string unit, string on = "2026-11-20", string phase = "intake", params int[] levels) =>
        new(on, unit, phase, "onsite", (levels.Length == 0 ? [1, 2, 0, 1, 2] : levels)
            .Select((level, i) => new AreaLevelInput(i + 1, level, i == 0 ? 2 : null)).ToList<AreaLevelInput?>());

    [Test]
    public async Task All_five_areas_are_recorded_in_one_call_and_the_change_is_read_back()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit);

        using var first = await Instructor.PostAsJsonAsync($"/api/clients/{client.Id}/baselines", Mapping(Unit, "2026-06-01"));
        using var second = await Instructor.PostAsJsonAsync($"/api/clients/{client.Id}/baselines", Mapping(Unit, "2026-11-20", "closing", 2, 3, 1, 1, 2));
        var history = await Support.Scenario.JsonAsync(Instructor, $"/api/clients/{client.Id}/baselines");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(history.GetProperty("baselines").GetArrayLength(), Is.EqualTo(2));
        var change = history.GetProperty("change").EnumerateArray().Select(c => c.GetProperty("change").GetInt32()).ToArray();
        Assert.That(change, Is.EqualTo(new[] { 1, 1, 1, 0, 0 }));
        Assert.That(history.GetProperty("change")[0].GetProperty("firstSelfAssessment").GetInt32(), Is.EqualTo(2));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'baseline.recorded' AND entity_id = @Id", new { client.Id }), Is.EqualTo(2));
    }

    [Test]
    public async Task Every_wrong_field_is_named_and_nothing_is_written()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit);
        var bad = new BaselineRequest("2026-12-31", Unit, "someday", "mail",
            [new AreaLevelInput(1, 5, null), new AreaLevelInput(1, 2, null), new AreaLevelInput(9, 2, null), new AreaLevelInput(4, 2, 7)]);

        using var response = await Instructor.PostAsJsonAsync($"/api/clients/{client.Id}/baselines?lang=en", bad);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(errors.EnumerateObject().Select(e => e.Name), Is.EquivalentTo(new[]
        {
            "assessedOn", "phase", "deliveryMode", "areas[0].level", "areas[1].area", "areas[2].area", "areas[3].selfAssessment", "areas",
        }));
        Assert.That(errors.GetProperty("areas[1].area")[0].GetString(), Is.EqualTo("Competence area 1 is given twice."));
        Assert.That(await Scenario.CountAsync("baselines"), Is.Zero);
    }

    [Test]
    public async Task Another_units_client_cannot_be_mapped_or_read()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit);
        await Scenario.UnitAsync("instructor-2");
        using var stranger = Scenario.Instructor("instructor-2");

        using var post = await stranger.PostAsJsonAsync($"/api/clients/{client.Id}/baselines", Mapping(Unit));
        using var get = await stranger.GetAsync($"/api/clients/{client.Id}/baselines");

        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Scenario.CountAsync("baselines"), Is.Zero);
    }
}
