using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Osaamismerkit.Assessments;

namespace Osaamismerkit.Tests.Credentials;

/// <summary>
/// "Add to a digital wallet": the offer on the client's wallet page, collected by an independent OpenID4VCI client
/// (@openid4vc/openid4vci) acting as the holder's wallet, and what it receives checked by jose.
/// </summary>
public sealed partial class Oid4vciWalletTests : CredentialTestBase
{
    [Test]
    public async Task A_wallet_collects_the_badge_by_OpenID4VCI_bound_to_its_own_key_and_jose_verifies_it()
    {
        var (clientId, badge) = await IssueAsync();
        var offer = await OfferAsync(clientId, badge);

        var answer = await WalletAsync(offer);

        Assert.That(answer["ok"]!.GetValue<bool>(), Is.True, CredentialCheck.Describe(answer));
        Assert.That(answer["version"]!.GetValue<string>(), Is.EqualTo("V1"), "the library read our metadata as OpenID4VCI 1.0");
        var verified = await VerifyJwtAsync(answer["credential"]!.GetValue<string>());
        Assert.That(CredentialCheck.Valid(verified), Is.True, CredentialCheck.Describe(verified));
        var payload = verified["payload"]!;
        var issuedAudits = await Scenario.CountAsync("audit_log", "action = 'credential.issued-to-wallet' AND entity_id = @Id", new { Id = badge.AssertionId });
        var offerAudits = await Scenario.CountAsync("audit_log", "action = 'credential-offer.created' AND actor_id = @Actor", new { Actor = "client:" + clientId });
        Assert.Multiple(() =>
        {
            Assert.That(payload["credentialSubject"]!["id"]!.GetValue<string>(), Is.EqualTo(answer["holderDid"]!.GetValue<string>()));
            Assert.That(payload["sub"]!.GetValue<string>(), Is.EqualTo(answer["holderDid"]!.GetValue<string>()));
            Assert.That(payload["jti"]!.GetValue<string>(), Is.EqualTo("urn:uuid:" + badge.AssertionId));
            Assert.That(answer["secondUseError"]?.GetValue<string>(), Is.EqualTo("invalid_grant"), "a second use of the same code is refused");
            Assert.That(issuedAudits, Is.EqualTo(1));
            Assert.That(offerAudits, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_offer_names_only_the_issuer_the_credential_type_and_a_code_never_the_client_or_the_badge()
    {
        var (clientId, badge) = await IssueAsync();

        var offer = await OfferAsync(clientId, badge);

        var json = JsonNode.Parse(Uri.UnescapeDataString(offer["openid-credential-offer://?credential_offer=".Length..]))!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(json.Select(p => p.Key), Is.EquivalentTo(new[] { "credential_issuer", "credential_configuration_ids", "grants" }));
            Assert.That(offer, Does.Not.Contain(badge.AssertionId).And.Not.Contain(ShortIdOf(badge)).And.Not.Contain(clientId));
            Assert.That(offer, Does.Not.Contain("Maija").And.Not.Contain("owner"));
        });
    }

    [Test]
    public async Task An_expired_code_is_refused()
    {
        var (clientId, badge) = await IssueAsync();
        var offer = await OfferAsync(clientId, badge);

        App.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var answer = await WalletAsync(offer);

        Assert.That(answer["ok"]!.GetValue<bool>(), Is.False);
        Assert.That(answer["tokenError"]!.GetValue<string>(), Is.EqualTo("invalid_grant"));
    }

    [Test]
    public async Task A_code_for_a_badge_revoked_after_the_offer_is_refused()
    {
        var (clientId, badge) = await IssueAsync();
        var offer = await OfferAsync(clientId, badge);

        await RevokeAsync(badge, "issued_in_error");
        var answer = await WalletAsync(offer);

        Assert.That(answer["ok"]!.GetValue<bool>(), Is.False);
        Assert.That(answer["tokenError"]!.GetValue<string>(), Is.EqualTo("invalid_grant"));
    }

    [Test]
    public async Task Revoking_the_wallet_link_kills_its_outstanding_offers()
    {
        var (clientId, badge) = await IssueAsync();
        var offer = await OfferAsync(clientId, badge);

        using var revoke = await Instructor.DeleteAsync($"/api/clients/{clientId}/wallet-link");
        Assert.That(revoke.IsSuccessStatusCode, Is.True);
        var answer = await WalletAsync(offer);

        Assert.That(answer["tokenError"]!.GetValue<string>(), Is.EqualTo("invalid_grant"));
    }

    [Test]
    public async Task A_revoked_badge_offers_no_code_at_all()
    {
        var (clientId, badge) = await IssueAsync();
        await RevokeAsync(badge, "issued_in_error");
        var wallet = await WalletPathAsync(clientId);

        using var response = await Anonymous.GetAsync($"{wallet}/b/{ShortIdOf(badge)}/digital-wallet");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_token_and_credential_endpoints_refuse_a_guessed_code_and_a_missing_or_unknown_token()
    {
        using var noToken = await Anonymous.PostAsync(
            "/oid4vci/credential", new StringContent("{\"credential_configuration_id\":\"OpenBadgeCredential_jwt_vc_json\"}", System.Text.Encoding.UTF8, "application/json"));
        using var badToken = new HttpRequestMessage(HttpMethod.Post, "/oid4vci/credential")
        {
            Content = new StringContent("{\"credential_configuration_id\":\"OpenBadgeCredential_jwt_vc_json\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        badToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        using var badTokenResponse = await Anonymous.SendAsync(badToken);
        using var grant = await Anonymous.PostAsync("/oid4vci/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:pre-authorized_code",
            ["pre-authorized_code"] = "guess",
        }));
        var grantBody = await grant.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(noToken.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(badTokenResponse.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(grant.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(grantBody, Does.Contain("invalid_grant"));
            Assert.That(grant.Headers.CacheControl?.NoStore, Is.True);
        });
    }

    [Test]
    public async Task Offers_whose_code_expired_unused_are_deleted_as_new_ones_are_made_while_a_redeemed_one_stays()
    {
        var (clientId, badge) = await IssueAsync();
        var redeemed = await OfferAsync(clientId, badge);
        using (var grant = await TokenAsync(CodeOf(redeemed)))
        {
            Assert.That(grant.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await OfferAsync(clientId, badge);
        await OfferAsync(clientId, badge);
        Assert.That(await CountAsync("SELECT COUNT(*) FROM credential_offers"), Is.EqualTo(3));

        App.Clock.Advance(TimeSpan.FromMinutes(11));
        await OfferAsync(clientId, badge);

        Assert.Multiple(async () =>
        {
            Assert.That(await CountAsync("SELECT COUNT(*) FROM credential_offers"), Is.EqualTo(2), "the two expired unused offers are gone");
            Assert.That(await CountAsync("SELECT COUNT(*) FROM credential_offers WHERE code_used_at IS NOT NULL"), Is.EqualTo(1), "the redeemed one stays");
        });
    }

    [Test]
    public async Task Expired_nonces_are_deleted_as_new_ones_are_handed_out()
    {
        for (var i = 0; i < 3; i++)
        {
            (await Anonymous.PostAsync("/oid4vci/nonce", null)).Dispose();
        }

        Assert.That(await CountAsync("SELECT COUNT(*) FROM credential_nonces"), Is.EqualTo(3));
        App.Clock.Advance(TimeSpan.FromMinutes(6));
        using var response = await Anonymous.PostAsync("/oid4vci/nonce", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM credential_nonces"), Is.EqualTo(1), "only the new nonce is left");
    }

    private static string CodeOf(string offer) =>
        JsonNode.Parse(Uri.UnescapeDataString(offer["openid-credential-offer://?credential_offer=".Length..]))!
            ["grants"]!["urn:ietf:params:oauth:grant-type:pre-authorized_code"]!["pre-authorized_code"]!.GetValue<string>();

    private Task<HttpResponseMessage> TokenAsync(string code) =>
        Anonymous.PostAsync("/oid4vci/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:pre-authorized_code",
            ["pre-authorized_code"] = code,
        }));

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await App.Service<Osaamismerkit.Infrastructure.Database.Database>().OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, sql);
    }

    /// <summary>Opens "Add to a digital wallet" on the client's wallet page and reads the offer link from it.</summary>
    private async Task<string> OfferAsync(string clientId, IssuedBadge badge)
    {
        var wallet = await WalletPathAsync(clientId);
        var badgePage = await HtmlAsync(await Anonymous.GetAsync($"{wallet}/b/{ShortIdOf(badge)}"));
        Assert.That(badgePage, Does.Contain($"{wallet}/b/{ShortIdOf(badge)}/digital-wallet"), "the badge page links to the offer");
        using var response = await Anonymous.GetAsync($"{wallet}/b/{ShortIdOf(badge)}/digital-wallet");
        var html = await HtmlAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(html, Does.Contain("<svg"), "the QR code");
        return WebUtility.HtmlDecode(OfferLink().Match(html).Groups[1].Value);
    }

    private async Task<JsonObject> WalletAsync(string offer) =>
        await CredentialCheck.RunWithRelayAsync("oid4vci-wallet.mjs", new JsonObject
        {
            ["offerUri"] = offer,
            ["now"] = App.Clock.GetUtcNow().ToString("O"),
        }, Anonymous);

    [GeneratedRegex("href=\"(openid-credential-offer://[^\"]+)\"")]
    private static partial Regex OfferLink();
}
