using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Osaamismerkit.Credentials;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Http;
using Osaamismerkit.Wallet;

namespace Osaamismerkit.Oid4vci;

/// <summary>
/// OpenID4VCI 1.0 (the version @openid4vc/openid4vci 0.4 speaks as "V1"), pre-authorized code flow: the client's wallet page
/// makes an offer, the holder's wallet trades its one-time code for a short access token bound to that offer, fetches a
/// nonce, and gets the Open Badges 3.0 VC-JWT with its own key's did:jwk as the subject.
/// </summary>
/// <remarks>
/// The offer names nothing but the issuer, the credential type and the code: a photographed QR code says neither who the
/// client is nor which badge. Every step re-reads the badge and the wallet link, so revoking either ends the offer.
/// </remarks>
public sealed class CredentialOffers(
    Infrastructure.Database.Database database,
    AuditLog audit,
    TimeProvider clock,
    PublicUrls urls,
    CredentialDocuments documents,
    OpenBadgeCredentials credentials,
    IOptions<CredentialOfferOptions> options)
{
    public const string ConfigurationId = "OpenBadgeCredential_jwt_vc_json";

    public const string PreAuthorizedGrant = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    public string IssuerId => urls.BaseUrl;

    /// <summary>A new offer for one of the client's badges, made from the wallet link in force with this token.</summary>
    public async Task<OfferCreated?> CreateAsync(string walletToken, WalletClient client, Guid assertionId, CancellationToken cancellationToken)
    {
        var code = OneTimeValues.Create();
        var now = clock.GetUtcNow();
        var expiresAt = now.AddMinutes(options.Value.CodeLifetimeMinutes);
        var id = Guid.CreateVersion7().ToString();
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await WalletLinkQueries.IdByTokenAsync(connection, WalletTokens.Hash(walletToken), cancellationToken) is not { } linkId)
        {
            return null;
        }

        using var turn = await database.WaitForWriteTurnAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await CredentialOfferQueries.DeleteStaleOffersAsync(transaction, database.Dialect, now, cancellationToken);
        await CredentialOfferQueries.InsertAsync(transaction, id, assertionId.ToString(), linkId, OneTimeValues.Hash(code), now, expiresAt, cancellationToken);
        await audit.AppendAsync(transaction, ClientActor(client.Id), new AuditEntry("credential-offer.created", "assertion", assertionId.ToString(), id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OfferCreated(OfferUri(code), expiresAt);
    }

    /// <summary>The token endpoint: one use of an unexpired code whose badge and wallet link still stand.</summary>
    public async Task<Oid4vciOutcome<AccessTokenGrant>> TokenAsync(string? grantType, string? code, CancellationToken cancellationToken)
    {
        if (grantType != PreAuthorizedGrant)
        {
            return new Oid4vciError("unsupported_grant_type", "Only the pre-authorized code grant is supported.");
        }

        if (string.IsNullOrEmpty(code) || code.Length > 200)
        {
            return Oid4vciError.InvalidGrant("The pre-authorized code is missing.");
        }

        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var offer = await CredentialOfferQueries.ByCodeAsync(connection, OneTimeValues.Hash(code), cancellationToken);
        if (offer is null || offer.CodeUsedAt is not null || offer.CodeExpiresAt <= now || offer.Withdrawn)
        {
            // One answer for unknown, used, expired and withdrawn: the code's holder learns nothing about the badge.
            return Oid4vciError.InvalidGrant("The pre-authorized code is not valid.");
        }

        var token = OneTimeValues.Create();
        var lifetime = TimeSpan.FromMinutes(options.Value.AccessTokenLifetimeMinutes);
        using var turn = await database.WaitForWriteTurnAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await CredentialOfferQueries.RedeemAsync(transaction, offer.Id, OneTimeValues.Hash(token), now, now + lifetime, cancellationToken))
        {
            return Oid4vciError.InvalidGrant("The pre-authorized code is not valid.");
        }

        await audit.AppendAsync(transaction, ClientActor(offer.ClientId), new AuditEntry("credential-offer.redeemed", "assertion", offer.AssertionId, offer.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AccessTokenGrant(token, (int)lifetime.TotalSeconds);
    }

    /// <summary>A fresh c_nonce for a key proof (OpenID4VCI 1.0 §7).</summary>
    public async Task<string> NonceAsync(CancellationToken cancellationToken)
    {
        var nonce = OneTimeValues.Create();
        await using var connection = await database.OpenAsync(cancellationToken);
        using var turn = await database.WaitForWriteTurnAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await CredentialOfferQueries.DeleteStaleNoncesAsync(connection, database.Dialect, now, cancellationToken);
        await CredentialOfferQueries.InsertNonceAsync(
            connection, OneTimeValues.Hash(nonce), now.AddMinutes(options.Value.NonceLifetimeMinutes), cancellationToken);
        return nonce;
    }

    /// <summary>The credential endpoint: the access token's one credential, bound to the key that signed the proof.</summary>
    public async Task<Oid4vciOutcome<string>> CredentialAsync(string? accessToken, string? configurationId, string? proofJwt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var offer = string.IsNullOrEmpty(accessToken) || accessToken.Length > 200
            ? null
            : await CredentialOfferQueries.ByTokenAsync(connection, OneTimeValues.Hash(accessToken), cancellationToken);
        if (offer is null || offer.TokenExpiresAt <= now || offer.IssuedAt is not null || offer.Withdrawn)
        {
            return Oid4vciError.InvalidToken("The access token is not valid.");
        }

        if (configurationId != ConfigurationId)
        {
            return new Oid4vciError("unknown_credential_configuration", "This issuer offers only " + ConfigurationId + ".");
        }

        var proof = await HolderProofs.CheckAsync(proofJwt, IssuerId, now);
        if (proof.Value is not { } holder)
        {
            return proof.Error!;
        }

        // Built and signed before the write turn, so that SQLite's one write lock is held for the updates and not for RSA.
        if (await credentials.FindAsync(Guid.Parse(offer.AssertionId), cancellationToken) is not { } source)
        {
            return Oid4vciError.InvalidToken("The access token is not valid.");
        }

        var jwt = documents.Jwt(credentials.Build(source, holder.HolderDid));
        using var turn = await database.WaitForWriteTurnAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var nonceHash = OneTimeValues.Hash(holder.Nonce);
        if (await CredentialOfferQueries.NonceExpiryAsync(transaction, nonceHash, cancellationToken) is not { } nonceExpires || nonceExpires <= now
            || !await CredentialOfferQueries.UseNonceAsync(transaction, nonceHash, now, cancellationToken))
        {
            return Oid4vciError.InvalidNonce("The key proof's nonce is unknown, used or expired; get a new one from the nonce endpoint.");
        }

        if (!await CredentialOfferQueries.MarkIssuedAsync(transaction, offer.Id, holder.HolderDid, now, cancellationToken))
        {
            return Oid4vciError.InvalidToken("The access token is not valid.");
        }

        await audit.AppendAsync(transaction, ClientActor(offer.ClientId), new AuditEntry("credential.issued-to-wallet", "assertion", offer.AssertionId, offer.Id), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return jwt;
    }

    private string OfferUri(string code)
    {
        var offer = new JsonObject
        {
            ["credential_issuer"] = IssuerId,
            ["credential_configuration_ids"] = new JsonArray(ConfigurationId),
            ["grants"] = new JsonObject { [PreAuthorizedGrant] = new JsonObject { ["pre-authorized_code"] = code } },
        };
        return "openid-credential-offer://?credential_offer=" + Uri.EscapeDataString(offer.ToJsonString());
    }

    private static Actor ClientActor(string clientId) => new("client:" + clientId, "Client");
}
