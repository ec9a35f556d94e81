using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.ClientMessages;

/// <summary>A client who does not want messages says so to staff; queued messages are then cancelled when they fall due.</summary>
public sealed class MessageRefusals(Database database, AuditLog audit, TimeProvider clock)
{
    public async Task SetAsync(string clientId, bool refused, Actor actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ClientQueries.SetRefusesMessagesAsync(transaction, clientId, refused, clock.GetUtcNow(), cancellationToken);
        await audit.AppendAsync(
            transaction, actor, new AuditEntry(refused ? "client.messages-refused" : "client.messages-allowed", "client", clientId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ClientMessagesView> ViewAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var contact = await ClientQueries.MessageContactAsync(connection, clientId, cancellationToken);
        var messages = await OutboxQueries.ListOfClientAsync(connection, clientId, cancellationToken);
        return new ClientMessagesView(clientId, contact?.RefusesMessages ?? false, contact?.EmailProtected is not null, messages);
    }
}
