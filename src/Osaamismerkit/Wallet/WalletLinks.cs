using System.Data.Common;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Wallet;

/// <summary>Creates, rotates and revokes clients' private wallet links, and opens a wallet by its token.</summary>
public sealed class WalletLinks(Database database, AuditLog audit, TimeProvider clock)
{
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
            var revoked = await WalletLinkQueries.RevokeActiveAsync(transaction, clientId, now, actor.Id, cancellationToken);
            await WalletLinkQueries.InsertAsync(transaction, id, clientId, WalletTokens.Hash(token), now, actor.Id, cancellationToken);
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
        var revoked = await WalletLinkQueries.RevokeActiveAsync(transaction, clientId, clock.GetUtcNow(), actor.Id, cancellationToken);
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
        return await WalletLinkQueries.ActiveSinceAsync(connection, clientId, cancellationToken);
    }

    public async Task<WalletClient?> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!WalletTokens.LooksValid(token))
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await WalletLinkQueries.ClientByTokenAsync(connection, WalletTokens.Hash(token!), cancellationToken);
    }
}
