using System.Data.Common;
using Dapper;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Oid4vci;

/// <summary>The home of the credential_offers and credential_nonces tables. Every value is looked up by its SHA-256 hash.</summary>
public static class CredentialOfferQueries
{
    private const string Insert = """
        INSERT INTO credential_offers (id, assertion_id, wallet_link_id, code_hash, created_at, code_expires_at)
        VALUES (@Id, @AssertionId, @WalletLinkId, @CodeHash, @Now, @ExpiresAt)
        """;

    // The badge's and the link's revocation are read with the offer, so revoking either needs no step of its own here.
    private const string Select = """
        SELECT o.id, o.assertion_id, w.client_id, o.code_expires_at, o.code_used_at, o.token_expires_at, o.issued_at,
               a.revoked_at AS assertion_revoked_at, w.revoked_at AS link_revoked_at
        FROM credential_offers o
        JOIN assertions a ON a.id = o.assertion_id
        JOIN wallet_links w ON w.id = o.wallet_link_id
        """;

    // Conditional on the code being unused: of two redemptions racing, exactly one updates the row.
    private const string Redeem = """
        UPDATE credential_offers SET code_used_at = @Now, token_hash = @TokenHash, token_expires_at = @TokenExpiresAt
        WHERE id = @Id AND code_used_at IS NULL
        """;

    private const string MarkIssued = """
        UPDATE credential_offers SET issued_at = @Now, holder_id = @HolderId WHERE id = @Id AND issued_at IS NULL
        """;

    private const string InsertNonce = "INSERT INTO credential_nonces (nonce_hash, expires_at) VALUES (@NonceHash, @ExpiresAt)";

    private const string NonceExpiry = "SELECT expires_at FROM credential_nonces WHERE nonce_hash = @NonceHash AND used_at IS NULL";

    private const string UseNonce = "UPDATE credential_nonces SET used_at = @Now WHERE nonce_hash = @NonceHash AND used_at IS NULL";

    /// <summary>
    /// At most this many stale rows go with each new offer or nonce: more than each adds, so the tables stay near their
    /// live size without a job of their own, and no cleanup holds the write lock for long.
    /// </summary>
    public const int StaleBatch = 100;

    // Only offers whose code expired unused: a redeemed offer is the record of which wallet got the badge.
    private const string DeleteStaleOffersFormat = """
        DELETE FROM credential_offers WHERE id IN (
            SELECT id FROM credential_offers WHERE code_used_at IS NULL AND code_expires_at < @Now ORDER BY code_expires_at /*limit*/)
        """;

    // An expired nonce is refused whether its row is there or not, so it can go, used or not.
    private const string DeleteStaleNoncesFormat = """
        DELETE FROM credential_nonces WHERE nonce_hash IN (
            SELECT nonce_hash FROM credential_nonces WHERE expires_at < @Now ORDER BY expires_at /*limit*/)
        """;

    public static Task<int> DeleteStaleOffersAsync(DbTransaction transaction, SqlDialect dialect, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            WithLimit(DeleteStaleOffersFormat, dialect), new { Now = now, Batch = StaleBatch }, transaction, cancellationToken: cancellationToken));

    public static Task<int> DeleteStaleNoncesAsync(DbConnection connection, SqlDialect dialect, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            WithLimit(DeleteStaleNoncesFormat, dialect), new { Now = now, Batch = StaleBatch }, cancellationToken: cancellationToken));

    public static Task InsertAsync(
        DbTransaction transaction, string id, string assertionId, string walletLinkId, string codeHash, DateTimeOffset now, DateTimeOffset expiresAt,
        CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            Insert, new { Id = id, AssertionId = assertionId, WalletLinkId = walletLinkId, CodeHash = codeHash, Now = now, ExpiresAt = expiresAt },
            transaction, cancellationToken: cancellationToken));

    public static Task<CredentialOffer?> ByCodeAsync(DbConnection connection, string codeHash, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<CredentialOffer>(new CommandDefinition(
            Select + " WHERE o.code_hash = @CodeHash", new { CodeHash = codeHash }, cancellationToken: cancellationToken));

    public static Task<CredentialOffer?> ByTokenAsync(DbConnection connection, string tokenHash, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<CredentialOffer>(new CommandDefinition(
            Select + " WHERE o.token_hash = @TokenHash", new { TokenHash = tokenHash }, cancellationToken: cancellationToken));

    public static async Task<bool> RedeemAsync(
        DbTransaction transaction, string id, string tokenHash, DateTimeOffset now, DateTimeOffset tokenExpiresAt, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            Redeem, new { Id = id, TokenHash = tokenHash, Now = now, TokenExpiresAt = tokenExpiresAt }, transaction, cancellationToken: cancellationToken)) == 1;

    public static async Task<bool> MarkIssuedAsync(DbTransaction transaction, string id, string holderId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            MarkIssued, new { Id = id, HolderId = holderId, Now = now }, transaction, cancellationToken: cancellationToken)) == 1;

    public static Task InsertNonceAsync(DbConnection connection, string nonceHash, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertNonce, new { NonceHash = nonceHash, ExpiresAt = expiresAt }, cancellationToken: cancellationToken));

    public static Task<DateTimeOffset?> NonceExpiryAsync(DbTransaction transaction, string nonceHash, CancellationToken cancellationToken) =>
        transaction.Connection!.QueryFirstOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(
            NonceExpiry, new { NonceHash = nonceHash }, transaction, cancellationToken: cancellationToken));

    public static async Task<bool> UseNonceAsync(DbTransaction transaction, string nonceHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            UseNonce, new { NonceHash = nonceHash, Now = now }, transaction, cancellationToken: cancellationToken)) == 1;

    private static string WithLimit(string sql, SqlDialect dialect) => sql.Replace("/*limit*/", dialect.Limit("@Batch"), StringComparison.Ordinal);
}
