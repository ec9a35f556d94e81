using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.ClientMessages;

/// <summary>
/// Queues the "your badge runs out on …" message 30 days before a badge expires. Idempotent: one reminder per assertion
/// (the outbox's unique key), so a scan run again, or by two workers, queues nothing twice.
/// </summary>
public sealed class ExpiryReminders(Database database, Outbox outbox, TimeProvider clock)
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(30);

    /// <summary>The number of reminders queued.</summary>
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var queued = 0;
        IReadOnlyList<ExpiringAssertion> expiring;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            expiring = await OutboxQueries.ExpiringAsync(connection, database.Dialect, now, now + Ahead, 200, cancellationToken);
        }

        foreach (var assertion in expiring)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            using var turn = await database.WaitForWriteTurnAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (await outbox.QueueAsync(transaction, assertion.ClientId, assertion.Id, assertion.BadgeId, MessageKinds.Expiring, now, cancellationToken))
            {
                queued++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return queued;
    }
}
