using System.Data.Common;
using Dapper;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Wallet;

/// <summary>Creates, rotates and revokes clients' private wallet links, and opens a wallet by its token.</summary>
public sealed class WalletLinks(Database database, AuditLog audit, TimeProvider clock)
{
    private const string RevokeActive = """
        UPDATE wallet_links SET revoked_at = @Now, revoked_by = @By WHERE client_id = @ClientId AND revoked_at IS NULL
        """;

    private const string Insert = """
        INSERT INTO wallet_links (id, client_id, token_hash, created_at, created_by) VALUES (@Id, @ClientId, @TokenHash, @Now, @By)
        """;

    private const string Active = "SELECT created_at FROM wallet_links WHERE client_id = @ClientId AND revoked_at IS NULL";

    private const string ClientByToken = """
        SELECT c.id, c.display_name, c.preferred_language, c.share_name
        FROM wallet_links w
        JOIN clients c ON c.id = w.client_id
        WHERE w.token_hash = @TokenHash AND w.revoked_at IS NULL
        """;

    /// <summary>A new link; any link in force is revoked in the same transaction. The token is returned once, never stored.</summary>
    public async Task<(string Token, DateTimeOffset CreatedAt, bool ReplacedPrevious)?> RotateAsync(string clientId, Actor actor, CancellationToken cancellationToken)
    {
        var token = WalletTokens.Create();
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7().ToString();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var revoked = await connection.ExecuteAsync(new CommandDefinition(
                RevokeActive, new { ClientId = clientId, Now = now, By = actor.Id }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                Insert, new { Id = id, ClientId = clientId, TokenHash = WalletTokens.Hash(token), Now = now, By = actor.Id }, transaction, cancellationToken: cancellationToken));
            await audit.AppendAsync(
                transaction, actor, new AuditEntry(revoked > 0 ? "wallet-link.rotated" : "wallet-link.created", "client", clientId, id), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (token, now, revoked > 0);
        }
        catch (DbException e) when (Database.IsUniqueViolation(e))
        {
            // Another rotation of the same client committed first; the caller may simply retry.
            return null;
        }
    }

    public async Task<bool> RevokeAsync(string clientId, Actor actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var revoked = await connection.ExecuteAsync(new CommandDefinition(
            RevokeActive, new { ClientId = clientId, Now = clock.GetUtcNow(), By = actor.Id }, transaction, cancellationToken: cancellationToken));
        if (revoked == 0)
        {
            return false;
        }

        await audit.AppendAsync(transaction, actor, new AuditEntry("wallet-link.revoked", "client", clientId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<DateTimeOffset?> ActiveSinceAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<DateTimeOffset?>(
            new CommandDefinition(Active, new { ClientId = clientId }, cancellationToken: cancellationToken));
    }

    public async Task<WalletClient?> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!WalletTokens.LooksValid(token))
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<WalletClient>(
            new CommandDefinition(ClientByToken, new { TokenHash = WalletTokens.Hash(token!) }, cancellationToken: cancellationToken));
    }
}
