using System.Net;
using System.Text.RegularExpressions;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Tests.StaffUi;

/// <summary>A form sent after the sign-in ran out is kept and comes back after signing in again; nothing is lost or sent twice.</summary>
public sealed partial class DraftTests : StaffUiTestBase
{
    [Test]
    public async Task A_demonstration_sent_after_the_sign_in_ran_out_is_restored_after_signing_in_and_recorded_once()
    {
        var client = await ClientAsync(email: "aika@example.fi");
        var form = $"/staff/clients/{client.Id}/record/{Badge.Id}";
        var fields = HiddenFields(await PageAsync(Instructor, form), form);
        fields.AddRange(Badge.Criteria.Select(c => Field("criteria", c.Id)));
        fields.AddRange([Field("statement", "Kirjoitettu ennen taukoa"), Field("deliveryMode", "remote"), Field("demonstratedOn", "2026-11-20"), Field("unitId", Unit)]);
        using var signedOut = Browser();

        using var kept = await PostAsync(signedOut, form, fields);
        var keptPage = await kept.Content.ReadAsStringAsync();
        var restore = RestoreLink(keptPage);

        Assert.That(kept.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Text(keptPage), Does.Contain("tietosi ovat tallessa").And.Not.Contain("Kirjoitettu ennen taukoa"));
        Assert.That(restore, Does.StartWith(form + "?draft="));
        Assert.That(await Scenario.CountAsync("assessments"), Is.Zero);

        var restored = await PageAsync(Instructor, restore);
        Assert.That(Text(restored), Does.Contain("Lomakkeesi tiedot on palautettu").And.Contain("Kirjoitettu ennen taukoa"));
        Assert.That(restored, Does.Match("value=\"remote\" checked"));
        foreach (var criterion in Badge.Criteria)
        {
            Assert.That(restored, Does.Match($"value=\"{criterion.Id}\" checked"), criterion.Id);
        }

        var again = HiddenFields(restored, form);
        again.AddRange(fields.Where(f => f.Key is "criteria" or "statement" or "deliveryMode" or "demonstratedOn" or "unitId"));
        using var sent = await PostAsync(Instructor, form, again);
        using var sentAgain = await PostAsync(Instructor, form, fields);

        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(Location(sentAgain), Is.EqualTo(Location(sent)), "the restored form kept the first form's key");
        Assert.That(await Scenario.CountAsync("assertions"), Is.EqualTo(1));
        Assert.That(Text(await PageAsync(Instructor, restore)), Does.Not.Contain("Kirjoitettu ennen taukoa"), "a recorded draft is forgotten");
    }

    [Test]
    public async Task A_kept_draft_opens_only_for_the_instructor_it_was_drawn_for()
    {
        var client = await ClientAsync();
        var form = $"/staff/clients/{client.Id}/record/{Badge.Id}";
        var fields = HiddenFields(await PageAsync(Instructor, form), form);
        fields.Add(Field("statement", "Vain minulle"));
        using var signedOut = Browser();
        using var kept = await PostAsync(signedOut, form, fields);
        var restore = RestoreLink(await kept.Content.ReadAsStringAsync());
        await Scenario.UnitAsync("instructor-2");
        await using (var connection = await App.Service<Osaamismerkit.Infrastructure.Database.Database>().OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "INSERT INTO unit_memberships (unit_id, staff_subject) VALUES (@Unit, 'instructor-2')", new { Unit });
        }

        using var colleague = Browser("instructor-2", Roles.Instructor);
        var theirs = Text(await PageAsync(colleague, restore));
        var mine = Text(await PageAsync(Instructor, restore));

        Assert.That(theirs, Does.Not.Contain("Vain minulle").And.Not.Contain("palautettu"));
        Assert.That(mine, Does.Contain("Vain minulle"));
    }

    [Test]
    public async Task A_form_without_a_ticket_from_this_service_is_not_kept()
    {
        var client = await ClientAsync();
        var form = $"/staff/clients/{client.Id}/record/{Badge.Id}";
        using var signedOut = Browser();

        using var response = await PostAsync(signedOut, form, [Field("form", "forged"), Field("statement", "Istutettu")]);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.AnyOf(401, 302), "the usual challenge");
        Assert.That(body + Location(response), Does.Not.Contain("draft="));
    }

    [Test]
    public async Task A_new_client_form_sent_after_the_sign_in_ran_out_comes_back_too()
    {
        var fields = HiddenFields(await PageAsync(Instructor, "/staff/clients/new"), "/staff/clients/new");
        fields.AddRange([Field("displayName", "Tauon Jälkeen"), Field("unitId", Unit)]);
        using var signedOut = Browser();

        using var kept = await PostAsync(signedOut, "/staff/clients/new", fields);
        var restored = await PageAsync(Instructor, RestoreLink(await kept.Content.ReadAsStringAsync()));

        Assert.That(WebUtility.HtmlDecode(restored), Does.Contain("value=\"Tauon Jälkeen\""));
        Assert.That(await Scenario.CountAsync("clients"), Is.Zero);
    }

    private static string RestoreLink(string html)
    {
        var link = Restore().Match(html);
        Assert.That(link.Success, Is.True, "the page links back to the kept form");
        return WebUtility.HtmlDecode(link.Groups["href"].Value);
    }

    [GeneratedRegex("<a class=\"button button--large\" href=\"(?<href>[^\"]+)\"")]
    private static partial Regex Restore();
}
