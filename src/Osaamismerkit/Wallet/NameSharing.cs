using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Wallet;

/// <summary>The client's own choice whether their name shows on their badges' public pages. Off until they turn it on.</summary>
public sealed class NameSharing(Database database, AuditLog audit, TimeProvider clock)
{
    /// <summary>True when the setting changed; setting the value it already has writes nothing.</summary>
    public async Task<bool> SetAsync(string clientId, bool on, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await ClientQueries.SetShareNameAsync(transaction, clientId, on, clock.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        await audit.AppendAsync(
            transaction, new Actor("client:" + clientId, "Client"), new AuditEntry("client.share-name-changed", "client", clientId, on ? "on" : "off"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
