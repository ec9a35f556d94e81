using System.Data.Common;
using Dapper;

namespace Osaamismerkit.Wallet;

/// <summary>The home of the wallet_links table: clients' private wallet links, stored only as token hashes.</summary>
public static class WalletLinkQueries
{
    private const string RevokeActive = """
        UPDATE wallet_links SET revoked_at = @Now, revoked_by = @By WHERE client_id = @ClientId AND revoked_at IS NULL
        """;

    private const string Insert = """
        INSERT INTO wallet_links (id, client_id, token_hash, created_at, created_by) VALUES (@Id, @ClientId, @TokenHash, @Now, @By)
        """;

    private const string InsertForMessage = """
        INSERT INTO wallet_links (id, client_id, token_hash, created_at, created_by, outbox_message_id)
        VALUES (@Id, @ClientId, @TokenHash, @Now, 'system:messages', @MessageId)
        """;

    // The links messages carry are not the link staff hand out: staff see and rotate theirs.
    private const string Active = "SELECT created_at FROM wallet_links WHERE client_id = @ClientId AND revoked_at IS NULL AND outbox_message_id IS NULL";

    private const string ClientByToken = """
        SELECT c.id, c.display_name, c.preferred_language, c.share_name
        FROM wallet_links w
        JOIN clients c ON c.id = w.client_id
        WHERE w.token_hash = @TokenHash AND w.revoked_at IS NULL
        """;

    private const string IdByToken = "SELECT id FROM wallet_links WHERE token_hash = @TokenHash AND revoked_at IS NULL";

    private const string OfClient = "SELECT id, created_at, revoked_at FROM wallet_links WHERE client_id = @ClientId ORDER BY created_at";

    private const string ActiveCount = "SELECT COUNT(*) FROM wallet_links WHERE client_id = @ClientId AND revoked_at IS NULL AND outbox_message_id IS NULL";

    /// <summary>
    /// Revokes every link in force, the message links with the staff-made one (a leaked wallet is closed whichever link
    /// leaked); answers how many staff-made links were revoked, which is what staff see as "the link".
    /// </summary>
    public static async Task<int> RevokeActiveAsync(DbTransaction transaction, string clientId, DateTimeOffset now, string revokedBy, CancellationToken cancellationToken)
    {
        var staffLinks = await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
            ActiveCount, new { ClientId = clientId }, transaction, cancellationToken: cancellationToken));
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            RevokeActive, new { ClientId = clientId, Now = now, By = revokedBy }, transaction, cancellationToken: cancellationToken));
        return staffLinks;
    }

    public static Task InsertAsync(
        DbTransaction transaction, string id, string clientId, string tokenHash, DateTimeOffset now, string createdBy, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            Insert, new { Id = id, ClientId = clientId, TokenHash = tokenHash, Now = now, By = createdBy }, transaction, cancellationToken: cancellationToken));

    /// <summary>A link of its own for one message to the client; rotating or revoking the client's link revokes it too.</summary>
    public static Task InsertForMessageAsync(
        DbTransaction transaction, string id, string clientId, string tokenHash, string messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            InsertForMessage, new { Id = id, ClientId = clientId, TokenHash = tokenHash, MessageId = messageId, Now = now }, transaction, cancellationToken: cancellationToken));

    /// <summary>When the client's link in force was made, or null when none is.</summary>
    public static Task<DateTimeOffset?> ActiveSinceAsync(DbConnection connection, string clientId, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(Active, new { ClientId = clientId }, cancellationToken: cancellationToken));

    /// <summary>The client whose link in force has this token hash.</summary>
    public static Task<WalletClient?> ClientByTokenAsync(DbConnection connection, string tokenHash, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<WalletClient>(new CommandDefinition(ClientByToken, new { TokenHash = tokenHash }, cancellationToken: cancellationToken));

    /// <summary>The id of the link in force with this token hash: what a credential offer is bound to.</summary>
    public static Task<string?> IdByTokenAsync(DbConnection connection, string tokenHash, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<string?>(new CommandDefinition(IdByToken, new { TokenHash = tokenHash }, cancellationToken: cancellationToken));

    /// <summary>Every link the client has had, as column–value rows for the personal data export.</summary>
    public static Task<IEnumerable<dynamic>> OfClientAsync(DbTransaction transaction, string clientId, CancellationToken cancellationToken) =>
        transaction.Connection!.QueryAsync(new CommandDefinition(OfClient, new { ClientId = clientId }, transaction, cancellationToken: cancellationToken));
}
