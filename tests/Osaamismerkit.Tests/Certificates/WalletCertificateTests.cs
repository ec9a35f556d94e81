using System.Net;
using System.Net.Http.Json;
using Osaamismerkit.OpenBadges;
using Osaamismerkit.Tests.Issuing;
using Osaamismerkit.Tests.Support;
using Osaamismerkit.Wallet;
using UglyToad.PdfPig;

namespace Osaamismerkit.Tests.Certificates;

public sealed class WalletCertificateTests : IssuingTestBase
{
    [Test]
    public async Task A_client_prints_their_own_certificate_from_the_wallet_link_in_their_language()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "wallet-cert@example.fi", name: "Sofia Sjöberg", language: "sv");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;
        using var created = await Instructor.PostAsync($"/api/clients/{client.Id}/wallet-link", null);
        var link = (await created.Content.ReadFromJsonAsync<WalletLinkCreated>())!;
        var path = new Uri(link.Url).AbsolutePath + $"/b/{ShortIds.Encode(Guid.Parse(issued.AssertionId))}/certificate.pdf";
        var audit = await Scenario.CountAsync("audit_log");

        using var response = await Anonymous.GetAsync(path);
        var pdf = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.That(text, Does.Contain("Sjöberg").And.Contain(issued.AssertionId));
        Assert.That(text.Replace(" ", string.Empty, StringComparison.Ordinal), Does.Contain(BasicBadge.Name.Sv.Replace(" ", string.Empty, StringComparison.Ordinal)));
        Assert.That(await Scenario.CountAsync("audit_log") - audit, Is.EqualTo(1));
    }

    [Test]
    public async Task A_wrong_token_gets_no_certificate()
    {
        var client = await Scenario.ClientAsync(Instructor, Unit, email: "nope@example.fi");
        var issued = (await Scenario.PassAsync(Instructor, Scenario.Passing(BasicBadge, client.Id, Unit))).Badge!;

        using var response = await Anonymous.GetAsync($"/w/not-a-real-token/b/{ShortIds.Encode(Guid.Parse(issued.AssertionId))}/certificate.pdf");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'certificate.printed'"), Is.Zero);
    }
}
