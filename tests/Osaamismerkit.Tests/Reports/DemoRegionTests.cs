using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Osaamismerkit.Demo;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Reports;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;

namespace Osaamismerkit.Tests.Reports;

public sealed class DemoRegionTests
{
    [Test]
    public async Task A_demo_region_is_consistent_and_every_report_answers_on_it()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Public:BaseUrl"] = "http://localhost:5080" });
        DemoRegion.Summary summary;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            summary = await scope.ServiceProvider.GetRequiredService<DemoRegion>().SeedAsync(new DemoRegionOptions { Clients = 60, Units = 16 });
            Assert.That(summary.Clients, Is.EqualTo(63), "60 generated and 3 named showcase clients");
            Assert.That(summary.Assertions, Is.GreaterThan(0));
        }

        await using var connection = await app.Service<Database>().OpenAsync();
        var unissued = await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM assessments m
            WHERE m.outcome = 'passed' AND NOT EXISTS (SELECT 1 FROM assertions a WHERE a.assessment_id = m.id)
            """);
        var municipalities = await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT municipality_code) FROM units");
        var signed = await connection.QueryFirstAsync<(string Jws, string Pem)>(
            "SELECT a.jws, k.public_key_pem FROM assertions a JOIN signing_keys k ON k.id = a.signing_key_id ORDER BY a.issued_on DESC");
        Assert.That(unissued, Is.Zero, "every passed demonstration has its badge");
        Assert.That(municipalities, Is.EqualTo(14), "every municipality of North Karelia has a unit");
        Assert.That(IndependentJwsVerifier.Verify(signed.Jws, signed.Pem), Is.True, "demo badges are really signed");

        await AssertTheTryItPathAsync(app, connection, summary);

        using var staff = app.CreateClient().As("project-1", Roles.ProjectStaff);
        foreach (var kind in ReportCodes.Kinds.Keys)
        {
            foreach (var groupBy in ReportCodes.Groupings.Keys)
            {
                using var response = await staff.GetAsync($"/api/reports/{kind}?groupBy={groupBy}&by={(groupBy == "unit" ? "unit" : "month")}");
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{kind} by {groupBy}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        using var pdf = await staff.GetAsync("/api/reports/levels/pdf?groupBy=municipality");
        Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoRegion>().SeedAsync(new DemoRegionOptions { Clients = 1 });
        }, "a second region never mixes into real data");
    }

    /// <summary>What the README's try-it path promises after seed-demo.</summary>
    private static async Task AssertTheTryItPathAsync(TestApp app, System.Data.Common.DbConnection connection, DemoRegion.Summary summary)
    {
        using var ohjaaja = app.CreateClient().As("ohjaaja", Roles.Instructor);
        var clients = await ohjaaja.GetStringAsync("/api/clients");
        Assert.That(clients, Does.Contain("Aino Esimerkki").And.Contain("Bertil Exempel").And.Contain("Paula Paperinen"), "ohjaaja sees clients at once");
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM clients WHERE email_protected IS NOT NULL"), Is.GreaterThanOrEqualTo(1));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM clients WHERE phone_protected IS NOT NULL"), Is.GreaterThanOrEqualTo(2));

        var kinds = (await connection.QueryAsync<string>("SELECT DISTINCT recipient_type FROM assertions")).ToList();
        // Every recipient kind the service issues: a phone-only client's badge names its page's URL, never a phone hash.
        Assert.That(kinds, Is.EquivalentTo(new[] { "email", "url" }), "badges of every recipient kind, and no telephone hash");
        var revoked = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM assertions WHERE revoked_at IS NOT NULL AND revocation_reason NOT LIKE 'claimed:%'");
        Assert.That(revoked, Is.GreaterThanOrEqualTo(1), "a revoked badge that was not merely claimed");
        var expires = await connection.QueryAsync<string>("SELECT expires FROM assertions WHERE expires IS NOT NULL AND revoked_at IS NULL");
        Assert.That(expires.Count(e => DateTimeOffset.Parse(e, System.Globalization.CultureInfo.InvariantCulture) < app.Clock.GetUtcNow()), Is.GreaterThanOrEqualTo(1), "an expired badge");

        using var wallet = await app.CreateClient().GetAsync(summary.WalletPath);
        var html = await wallet.Content.ReadAsStringAsync();
        Assert.That(wallet.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the wallet link printed on the console opens");
        Assert.That(html, Does.Contain("Voimassa olevat merkit").And.Contain("Vanhat merkit"));
    }
}
