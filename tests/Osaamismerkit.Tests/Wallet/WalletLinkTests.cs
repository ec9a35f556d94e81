using System.Net;
using System.Net.Http.Json;
using Osaamismerkit.Tests.Verification;
using Osaamismerkit.Wallet;

namespace Osaamismerkit.Tests.Wallet;

public sealed class WalletLinkTests : PublicPagesTestBase
{
    [Test]
    public async Task A_new_link_is_shown_once_with_a_long_random_token_and_only_its_hash_is_stored()
    {
        var (clientId, _) = await IssueAsync();
        var audit = await Scenario.CountAsync("audit_log");

        using var response = await Instructor.PostAsync($"/api/clients/{clientId}/wallet-link", null);
        var link = (await response.Content.ReadFromJsonAsync<WalletLinkCreated>())!;
        var token = TokenOf(link);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(token, Does.Match("^[A-Za-z0-9_-]{43}$"), "256 random bits in base64url");
        Assert.That(link.ReplacedPrevious, Is.False);
        Assert.That(await Scenario.CountAsync("wallet_links", "token_hash = @Hash", new { Hash = WalletTokens.Hash(token) }), Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("wallet_links", "token_hash = @Token", new { Token = token }), Is.Zero, "the token itself is never stored");
        Assert.That(await Scenario.CountAsync("audit_log") - audit, Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'wallet-link.created' AND entity_id = @Id AND actor_id = 'instructor-1'", new { Id = clientId }), Is.EqualTo(1));
        using var wallet = await Anonymous.GetAsync(new Uri(link.Url).PathAndQuery);
        Assert.That(wallet.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(new Uri(link.Url).AbsolutePath, Is.EqualTo("/w/" + token));
        var status = await Instructor.GetFromJsonAsync<WalletLinkStatus>($"/api/clients/{clientId}/wallet-link");
        Assert.That(status!.Active, Is.True);
        Assert.That(status.CreatedAt, Is.EqualTo(App.Clock.GetUtcNow()));
    }

    [Test]
    public async Task Rotating_closes_the_old_link_at_once_and_writes_one_audit_row()
    {
        var (clientId, _) = await IssueAsync();
        var first = await CreateLinkAsync(clientId);
        var audit = await Scenario.CountAsync("audit_log");

        var second = await CreateLinkAsync(clientId);

        Assert.That(second.ReplacedPrevious, Is.True);
        Assert.That(TokenOf(second), Is.Not.EqualTo(TokenOf(first)));
        Assert.That((await Anonymous.GetAsync(new Uri(first.Url).PathAndQuery)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Anonymous.GetAsync(new Uri(second.Url).PathAndQuery)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Scenario.CountAsync("audit_log") - audit, Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'wallet-link.rotated'"), Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("wallet_links", "client_id = @Id AND outbox_message_id IS NULL", new { Id = clientId }), Is.EqualTo(2), "revoked links are kept");
        Assert.That(await Scenario.CountAsync("wallet_links", "client_id = @Id AND revoked_at IS NULL", new { Id = clientId }), Is.EqualTo(1));
    }

    [Test]
    public async Task Revoking_closes_the_wallet_and_a_second_revoke_writes_nothing()
    {
        var (clientId, _) = await IssueAsync();
        var link = await CreateLinkAsync(clientId);
        var audit = await Scenario.CountAsync("audit_log");

        using var revoke = await Instructor.DeleteAsync($"/api/clients/{clientId}/wallet-link");
        var afterFirst = await Scenario.CountAsync("audit_log");
        using var again = await Instructor.DeleteAsync($"/api/clients/{clientId}/wallet-link");
        using var wallet = await Anonymous.GetAsync(new Uri(link.Url).PathAndQuery);
        var status = await Instructor.GetFromJsonAsync<WalletLinkStatus>($"/api/clients/{clientId}/wallet-link");

        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(afterFirst - audit, Is.EqualTo(1));
        Assert.That(await Scenario.CountAsync("audit_log", "action = 'wallet-link.revoked'"), Is.EqualTo(1));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(again.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await Scenario.CountAsync("audit_log"), Is.EqualTo(afterFirst));
        Assert.That(wallet.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Text(await HtmlAsync(wallet)), Does.Contain("Pyydä ohjaajaltasi uusi linkki"));
        Assert.That(status!.Active, Is.False);
    }

    [Test]
    public async Task Only_an_instructor_of_the_clients_own_unit_may_manage_the_link()
    {
        var (clientId, _) = await IssueAsync();
        await Scenario.UnitAsync("instructor-2");
        using var stranger = Scenario.Instructor("instructor-2");
        var audit = await Scenario.CountAsync("audit_log");

        using var anonymous = await Anonymous.PostAsync($"/api/clients/{clientId}/wallet-link", null);
        using var otherUnit = await stranger.PostAsync($"/api/clients/{clientId}/wallet-link", null);
        using var otherUnitRevoke = await stranger.DeleteAsync($"/api/clients/{clientId}/wallet-link");
        using var unknown = await Instructor.PostAsync("/api/clients/no-such-client/wallet-link", null);

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(otherUnit.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(otherUnitRevoke.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Scenario.CountAsync("audit_log"), Is.EqualTo(audit), "a refused write leaves no audit row");
        Assert.That(await Scenario.CountAsync("wallet_links", "outbox_message_id IS NULL"), Is.Zero);
    }

    [TestCase("short")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!")]
    public async Task An_unknown_or_malformed_wallet_token_gets_the_friendly_not_found_page(string token)
    {
        using var response = await Anonymous.GetAsync($"/w/{token}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Text(await HtmlAsync(response)), Does.Contain("Tämä linkki ei toimi"));
    }

    private async Task<WalletLinkCreated> CreateLinkAsync(string clientId)
    {
        using var response = await Instructor.PostAsync($"/api/clients/{clientId}/wallet-link", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return (await response.Content.ReadFromJsonAsync<WalletLinkCreated>())!;
    }

    private static string TokenOf(WalletLinkCreated link) => new Uri(link.Url).AbsolutePath["/w/".Length..];
}
