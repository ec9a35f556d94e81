using System.Data.Common;
using Dapper;

namespace Osaamismerkit.Infrastructure.Auditing;

/// <summary>Appends audit rows inside the caller's transaction, so the row exists exactly when the change does.</summary>
public sealed class AuditLog(TimeProvider clock)
{
    private const string Insert = """
        INSERT INTO audit_log (id, occurred_at, actor_id, actor_role, action, entity_type, entity_id, detail)
        VALUES (@Id, @OccurredAt, @ActorId, @ActorRole, @Action, @EntityType, @EntityId, @Detail)
        """;

    public Task AppendAsync(DbTransaction transaction, Actor actor, AuditEntry entry, CancellationToken cancellationToken = default) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            Insert,
            new
            {
                Id = Guid.CreateVersion7().ToString(),
                OccurredAt = clock.GetUtcNow(),
                ActorId = actor.Id,
                ActorRole = actor.Role,
                entry.Action,
                entry.EntityType,
                entry.EntityId,
                entry.Detail,
            },
            transaction,
            cancellationToken: cancellationToken));
}
