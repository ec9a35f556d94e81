using System.Globalization;
using System.Net.Http.Json;
using System.Resources;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Osaamismerkit.Assessments;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Staff;
using Osaamismerkit.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Osaamismerkit.BrowserTests.StaffUi;

/// <summary>A group demonstration on a tablet held in landscape: eight clients on one form, answered per client.</summary>
public sealed class GroupDemonstrationTests : StaffBrowserTestBase
{
    private static readonly ViewportSize Landscape = new() { Width = 1024, Height = 768 };

    private BadgeDefinition Badge => App.Services.GetRequiredService<Osaamismerkit.Catalogue.BadgeCatalogue>().Find("citizen-device-2")!;

    [Test]
    public async Task An_instructor_records_a_group_of_eight_on_a_tablet_and_sees_each_clients_answer()
    {
        var clients = new List<(string Id, string Name)>();
        for (var i = 1; i <= 8; i++)
        {
            var name = $"Ryhmäläinen {i:00}";
            clients.Add((await ClientAsync(name, i % 2 == 0 ? $"ryhma{i}@example.fi" : null), name));
        }

        var holder = clients[5];
        await PassAsync(holder.Id);
        var required = Badge.Criteria.Where(c => c.Required).ToList();
        var page = await SignInAsync("ohjaaja", Landscape);

        await page.GetByRole(AriaRole.Link, new() { Name = "Kirjaa ryhmän näyttö" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Ryhmän näyttö: valitse merkki ja asiakkaat" })).ToBeVisibleAsync();
        await page.GetByLabel("Merkki", new() { Exact = true }).SelectOptionAsync(Badge.Id);
        foreach (var (_, name) in clients)
        {
            await page.GetByLabel(name).CheckAsync();
        }

        await CheckPageAsync(page, "staff-group-01-choose");
        await page.GetByRole(AriaRole.Button, new() { Name = "Jatka" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = Badge.Name.Fi })).ToBeVisibleAsync();
        await Expect(page.Locator(".group-member")).ToHaveCountAsync(8);
        await page.GetByLabel("Yhteinen lausunto: mitä ryhmä osoitti?").FillAsync("Harjoitteli pajalla ja teki tehtävät itse.");
        foreach (var criterion in required)
        {
            await page.Locator($"#shared-{criterion.Id}").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Kopioi pohja asiakkaille" }).ClickAsync();
        await Expect(page.GetByText("Pohja on kopioitu.")).ToBeVisibleAsync();
        var learner = clients[7];
        await page.Locator($"#criterion-{learner.Id}-{required[0].Id}").UncheckAsync();
        await page.GetByLabel($"Oma lausunto: {clients[0].Name}").FillAsync("Vaihtoi laitteen asetukset itse ja neuvoi paria.");
        await CheckPageAsync(page, "staff-group-02-form");

        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna näytöt (8)" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Ryhmän näyttö on käsitelty" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Merkki myönnettiin 6 asiakkaalle. Eteneminen tallennettiin 1 asiakkaalle. Tallentamatta jäi 1 asiakasta.");
        await Expect(page.Locator(".group-result--issued")).ToHaveCountAsync(6);
        var progress = page.Locator(".group-result--progress");
        await Expect(progress).ToContainTextAsync(learner.Name);
        await Expect(progress).ToContainTextAsync(required[0].Text.Fi);
        var refused = page.Locator(".group-result--refused");
        await Expect(refused).ToContainTextAsync(holder.Name);
        await Expect(refused).ToContainTextAsync(new ResourceManager(typeof(Osaamismerkit.Resources.Messages)).GetString("AlreadyHoldsBadge", CultureInfo.GetCultureInfo("fi"))!);
        // Issued to 01, 02, 03, 04, 05 and 07; the odd ones have no e-mail address and get a claim code.
        await Expect(page.Locator(".group-result--issued .claim-code")).ToHaveCountAsync(4, new() { Timeout = 5000 });
        await CheckPageAsync(page, "staff-group-03-result");

        await using var connection = await App.Services.GetRequiredService<Database>().OpenAsync();
        var holders = (await connection.QueryAsync<string>(
            "SELECT client_id FROM assertions WHERE badge_id = @Badge AND revoked_at IS NULL", new { Badge = Badge.Id })).ToHashSet();
        Assert.That(holders, Is.EquivalentTo(clients.Where((_, i) => i != 7).Select(c => c.Id)), "the six new badges and the one held before");
        var evidence = await connection.QuerySingleAsync<string>(
            "SELECT evidence_note FROM assessments WHERE client_id = @Id", new { clients[0].Id });
        Assert.That(evidence, Is.EqualTo("Vaihtoi laitteen asetukset itse ja neuvoi paria."));

        await page.GetByRole(AriaRole.Link, new() { Name = $"Näytä tulos: {clients[0].Name}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Merkki myönnetty" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_group_typed_before_the_session_ran_out_comes_back_after_signing_in_again()
    {
        var first = await ClientAsync("Tauno Ryhmä", null);
        var second = await ClientAsync("Tyyne Ryhmä", null);
        var page = await SignInAsync("ohjaaja", Landscape);
        await page.GotoAsync($"/staff/group/record?badgeId={Badge.Id}&client={first}&client={second}");
        await page.GetByLabel("Yhteinen lausunto: mitä ryhmä osoitti?").FillAsync("Kirjoitettu juuri ennen taukoa.");
        await page.GetByLabel("Oma lausunto: Tyyne Ryhmä").FillAsync("Tyynen oma lausunto.");
        await page.Locator($"#criterion-{first}-{Badge.Criteria[0].Id}").CheckAsync();
        await page.GetByLabel("Etä").CheckAsync();

        await page.Context.ClearCookiesAsync(new() { Name = Osaamismerkit.Staff.StaffServices.CookieName });

        await page.GetByRole(AriaRole.Button, new() { Name = "Tallenna näytöt (2)" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kirjautuminen vanheni – tietosi ovat tallessa");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kirjaudu ja jatka" }).ClickAsync();
        await SignInAtProviderAsync(page, "ohjaaja");

        await Expect(page.GetByText("Lomakkeesi tiedot on palautettu")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Yhteinen lausunto: mitä ryhmä osoitti?")).ToHaveValueAsync("Kirjoitettu juuri ennen taukoa.");
        await Expect(page.GetByLabel("Oma lausunto: Tyyne Ryhmä")).ToHaveValueAsync("Tyynen oma lausunto.");
        await Expect(page.Locator($"#criterion-{first}-{Badge.Criteria[0].Id}")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Etä")).ToBeCheckedAsync();
        await CheckPageAsync(page, "staff-group-04-draft-restored");
    }

    private async Task<string> ClientAsync(string name, string? email)
    {
        using var api = App.Http().As("ohjaaja", Roles.Instructor);
        using var created = await api.PostAsJsonAsync("/api/clients", new ClientRequest(name, email, null, "fi", Unit, null));
        return (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ClientView>())!.Id;
    }

    private async Task PassAsync(string clientId)
    {
        using var api = App.Http().As("ohjaaja", Roles.Instructor);
        var request = new AssessmentRequest(
            clientId, Badge.Id, Badge.Version, "2026-11-20", Unit, DeliveryModes.OnSite,
            Badge.Criteria.Select(c => new CriterionResult(c.Id, true)).ToList(), "Teki tehtävät itsenäisesti pajalla.");
        using var response = await api.PostAsJsonAsync("/api/assessments", request);
        response.EnsureSuccessStatusCode();
    }
}
