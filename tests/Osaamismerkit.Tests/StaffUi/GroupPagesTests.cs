using System.Net;
using System.Text.RegularExpressions;
using Osaamismerkit.Staff;

namespace Osaamismerkit.Tests.StaffUi;

/// <summary>The group demonstration pages: one form for several clients, recorded by the group service, answered per client.</summary>
public sealed partial class GroupPagesTests : StaffUiTestBase
{
    private const string Form = "/staff/group/record";

    [Test]
    public async Task A_group_form_with_one_bad_statement_records_nobody_and_once_fixed_answers_each_client()
    {
        var issued = await ClientAsync("Aino Ryhmä", email: "aino@example.fi");
        var progress = await ClientAsync("Bertil Ryhmä");
        var typo = await ClientAsync("Cecilia Ryhmä");
        var required = Badge.Criteria.Where(c => c.Required).ToList();
        var page = await PageAsync(Instructor, $"{Form}?badgeId={Badge.Id}&client={issued.Id}&client={progress.Id}&client={typo.Id}");
        var fields = new List<KeyValuePair<string, string>>
        {
            Field("demonstratedOn", "2026-11-20"), Field("unitId", Unit), Field("deliveryMode", "onsite"), Field("statement", "Harjoitteli ryhmässä ja teki tehtävät itse."),
        };
        fields.AddRange(Badge.Criteria.Select(c => Field("criteria-" + issued.Id, c.Id)));
        fields.AddRange(required.Skip(1).Select(c => Field("criteria-" + progress.Id, c.Id)));
        fields.AddRange(Badge.Criteria.Select(c => Field("criteria-" + typo.Id, c.Id)));

        using var refused = await PostAsync(Instructor, Form, [.. HiddenFields(page, Form), .. fields, Field("statement-" + typo.Id, "Soita 040 123 4567"), Field("intent", "record")]);
        var refusedPage = await refused.Content.ReadAsStringAsync();

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Text(refusedPage), Does.Contain("Cecilia Ryhmä:"));
        Assert.That(refusedPage, Does.Contain($"href=\"#field-statement-{typo.Id}\""));
        Assert.That(await Scenario.CountAsync("assessments"), Is.Zero, "nobody is recorded while a client's fields are wrong");

        using var sent = await PostAsync(Instructor, Form, [.. HiddenFields(refusedPage, Form), .. fields, Field("intent", "record")]);
        var result = Text(await sent.Content.ReadAsStringAsync());

        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.OK), result);
        Assert.That(result, Does.Contain("Merkki myönnettiin 2 asiakkaalle. Eteneminen tallennettiin 1 asiakkaalle. Tallentamatta jäi 0 asiakasta."));
        Assert.That(Regex.Count(result, "Merkki myönnetty"), Is.EqualTo(2));
        Assert.That(result, Does.Contain(required[0].Text.Fi), "what the progress client still lacks");
        Assert.That(await Scenario.CountAsync("assertions"), Is.EqualTo(2));
        Assert.That(await Scenario.CountAsync("assessments"), Is.EqualTo(3));
    }

    [Test]
    public async Task Copying_the_starting_point_fills_only_the_clients_who_have_nothing_yet()
    {
        var empty = await ClientAsync("Eeva Tyhjä");
        var own = await ClientAsync("Olli Oma");
        var page = await PageAsync(Instructor, $"{Form}?badgeId={Badge.Id}&client={empty.Id}&client={own.Id}");
        var first = Badge.Criteria[0].Id;
        var fields = HiddenFields(page, Form);
        fields.AddRange([Field("statement", "Yhteinen pohja"), Field("criteria", first), Field("statement-" + own.Id, "Oma teksti"), Field("intent", "copy")]);

        using var copied = await PostAsync(Instructor, Form, fields);
        var html = await copied.Content.ReadAsStringAsync();

        Assert.That(copied.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Match($"name=\"statement-{empty.Id}\"[^>]*>Yhteinen pohja</textarea>"));
        Assert.That(html, Does.Match($"name=\"statement-{own.Id}\"[^>]*>Oma teksti</textarea>"));
        Assert.That(html, Does.Match($"name=\"criteria-{empty.Id}\" value=\"{first}\" checked"));
        Assert.That(await Scenario.CountAsync("assessments"), Is.Zero);
    }

    [Test]
    public async Task Another_units_client_cannot_be_put_in_a_group()
    {
        var mine = await ClientAsync("Minun Asiakas");
        var otherUnit = await Scenario.UnitAsync("instructor-2");
        using var colleague = Scenario.Instructor("instructor-2");
        var theirs = await Scenario.ClientAsync(colleague, otherUnit, name: "Toisen Asiakas");

        var html = Text(await PageAsync(Instructor, $"{Form}?badgeId={Badge.Id}&client={mine.Id}&client={theirs.Id}"));
        var choose = Text(await PageAsync(Instructor, "/staff/group"));

        Assert.That(html, Does.Contain("Minun Asiakas").And.Not.Contain("Toisen Asiakas"));
        Assert.That(choose, Does.Contain("Minun Asiakas").And.Not.Contain("Toisen Asiakas"));
        await PageAsync(Instructor, $"{Form}?badgeId={Badge.Id}&client={theirs.Id}", HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_group_sent_after_the_sign_in_ran_out_is_kept_and_restored_with_every_clients_fields()
    {
        var a = await ClientAsync("Aapo Tauko");
        var b = await ClientAsync("Bea Tauko");
        var fields = HiddenFields(await PageAsync(Instructor, $"{Form}?badgeId={Badge.Id}&client={a.Id}&client={b.Id}"), Form);
        fields.AddRange([Field("statement", "Yhteinen ennen taukoa"), Field("statement-" + b.Id, "Bean oma"), Field("deliveryMode", "remote"), Field("intent", "record")]);
        fields.AddRange(Badge.Criteria.Select(c => Field("criteria-" + a.Id, c.Id)));
        using var signedOut = Browser();

        using var kept = await PostAsync(signedOut, Form, fields);
        var restore = DraftLink().Match(await kept.Content.ReadAsStringAsync()).Groups["link"].Value;

        Assert.That(kept.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(WebUtility.HtmlDecode(restore), Does.StartWith(Form + "?draft="));
        var restored = await PageAsync(Instructor, WebUtility.HtmlDecode(restore));
        Assert.That(Text(restored), Does.Contain("Lomakkeesi tiedot on palautettu").And.Contain("Aapo Tauko").And.Contain("Bea Tauko"));
        Assert.That(restored, Does.Contain(">Yhteinen ennen taukoa</textarea>").And.Contain(">Bean oma</textarea>"));
        Assert.That(restored, Does.Match("value=\"remote\" checked"));
        Assert.That(restored, Does.Match($"name=\"criteria-{a.Id}\" value=\"{Badge.Criteria[0].Id}\" checked"));
        Assert.That(await Scenario.CountAsync("assessments"), Is.Zero);
    }

    [Test]
    public async Task The_clients_list_and_a_clients_page_link_to_the_group_form()
    {
        var client = await ClientAsync();

        Assert.That(await PageAsync(Instructor, "/staff/clients"), Does.Contain("href=\"/staff/group\""));
        Assert.That(await PageAsync(Instructor, $"/staff/clients/{client.Id}"), Does.Contain($"href=\"/staff/group?client={client.Id}\""));
    }

    [GeneratedRegex("""href="(?<link>/staff/group/record\?draft=[^"]+)""")]
    private static partial Regex DraftLink();
}
