using System.Net;
using System.Text.RegularExpressions;
using Osaamismerkit.Tests.Certificates;
using Osaamismerkit.Tests.Verification;

namespace Osaamismerkit.Tests.Claiming;

/// <summary>The paper tells the client what to press; the page and the wallet must show exactly that button.</summary>
public sealed partial class PrintedClaimStepsTests : PublicPagesTestBase
{
    [TestCase("fi", "Paina")]
    [TestCase("sv", "Tryck på")]
    [TestCase("en", "Press")]
    public async Task The_printed_steps_name_the_claim_pages_button_and_the_wallet_uses_the_same_words(string lang, string press)
    {
        var (clientId, placeholder) = await IssueAsync(email: null);
        var pdf = PdfText.Of(await Instructor.GetByteArrayAsync($"/api/clients/{clientId}/certificates/{placeholder.AssertionId}?lang={lang}"));
        using var claimPage = await Anonymous.GetAsync($"/claim?lang={lang}");
        var pageButton = ClaimPageTests.ButtonLabel(await HtmlAsync(claimPage));
        var wallet = await HtmlAsync(await Anonymous.GetAsync($"{await WalletPathAsync(clientId)}/b/{ShortIdOf(placeholder)}?lang={lang}"));
        var walletButton = WebUtility.HtmlDecode(WalletClaimButton().Match(wallet).Groups["label"].Value);

        Assert.That(claimPage.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(pdf, Does.Contain($"{press} {pageButton}."), "the printed step names the page's button");
        Assert.That(pdf, Does.Contain("/claim"), "the printed address is the page's");
        Assert.That(walletButton, Is.EqualTo(pageButton));
    }

    [GeneratedRegex("""<form method="post" action="[^"]*/claim\?[\s\S]*?<button type="submit"[^>]*>(?<label>[^<]+)</button>""")]
    private static partial Regex WalletClaimButton();
}
