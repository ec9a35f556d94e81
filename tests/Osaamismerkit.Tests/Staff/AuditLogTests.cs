using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Staff;

public sealed class AuditLogTests : IssuingTestBase
{
    [Test]
    public async Task Admins_read_the_audit_log_filtered_by_entity_and_actor_without_personal_data()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "audit@example.fi", name: "Salainen Nimi");
        await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit));
        using var admin = Scenario.Admin();

        var ofClient = await admin.GetFromJsonAsync<List<AuditRecord>>($"/api/audit?entityType=client&entityId={client.Id}");
        var byInstructor = await admin.GetFromJsonAsync<List<AuditRecord>>("/api/audit?actor=instructor-1&limit=100");
        var everything = await admin.GetStringAsync("/api/audit?limit=1000");

        Assert.That(ofClient!.Select(r => r.Action), Is.EqualTo(new[] { "client.created" }));
        Assert.That(byInstructor!.Select(r => r.Action), Is.EquivalentTo(new[] { "client.created", "assessment.recorded", "assertion.issued" }));
        Assert.That(byInstructor!.Select(r => r.OccurredAt), Is.Ordered.Descending);
        Assert.That(everything, Does.Not.Contain("Salainen").And.Not.Contain("audit@example.fi"));
    }

    [Test]
    public async Task Bad_filters_are_reported_by_field()
    {
        using var admin = Scenario.Admin();

        using var response = await admin.GetAsync("/api/audit?from=eilen&limit=5000");
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(errors.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "from", "limit" }));
    }

    [Test]
    public async Task The_time_window_filters_rows()
    {
        await Scenario.ClientAsync(Instructor, Unit);
        using var admin = Scenario.Admin();
        var now = App.Clock.GetUtcNow();

        var inside = await admin.GetFromJsonAsync<List<AuditRecord>>($"/api/audit?entityType=client&from={Uri.EscapeDataString(now.AddMinutes(-1).ToString("O"))}");
        var before = await admin.GetFromJsonAsync<List<AuditRecord>>($"/api/audit?entityType=client&to={Uri.EscapeDataString(now.AddMinutes(-1).ToString("O"))}");

        Assert.That(inside, Has.Count.EqualTo(1));
        Assert.That(before, Is.Empty);
    }
}
