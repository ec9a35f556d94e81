using System.Data.Common;
using System.Text;
using Dapper;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Infrastructure.Auditing;

/// <summary>The home of the audit_log table: rows are only ever appended, and read by admins and in a client's export.</summary>
public static class AuditQueries
{
    private const string Insert = """
        INSERT INTO audit_log (id, occurred_at, actor_id, actor_role, action, entity_type, entity_id, detail)
        VALUES (@Id, @OccurredAt, @ActorId, @ActorRole, @Action, @EntityType, @EntityId, @Detail)
        """;

    private const string OfClient = """
        SELECT occurred_at, actor_role, action, entity_type, entity_id, detail FROM audit_log
        WHERE entity_id = @Id
           OR entity_id IN (SELECT id FROM assessments WHERE client_id = @Id)
           OR entity_id IN (SELECT id FROM assertions WHERE client_id = @Id)
        ORDER BY occurred_at
        """;

    public static Task InsertAsync(DbTransaction transaction, string id, DateTimeOffset occurredAt, Actor actor, AuditEntry entry, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            Insert,
            new
            {
                Id = id,
                OccurredAt = occurredAt,
                ActorId = actor.Id,
                ActorRole = actor.Role,
                entry.Action,
                entry.EntityType,
                entry.EntityId,
                entry.Detail,
            },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>Newest first (then by id), at most <paramref name="take"/> rows; a null filter does not filter.</summary>
    public static async Task<IReadOnlyList<AuditRecord>> PageAsync(
        DbConnection connection, SqlDialect dialect, AuditFilter filter, int take, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("""
            SELECT id, occurred_at, actor_id, actor_role, action,
                   entity_type, entity_id, detail
            FROM audit_log
            WHERE 1 = 1
            """);
        if (filter.EntityType is not null)
        {
            sql.Append(" AND entity_type = @EntityType");
        }

        if (filter.EntityId is not null)
        {
            sql.Append(" AND entity_id = @EntityId");
        }

        if (filter.Actor is not null)
        {
            sql.Append(" AND actor_id = @Actor");
        }

        if (filter.From is not null)
        {
            sql.Append(" AND occurred_at >= @From");
        }

        if (filter.To is not null)
        {
            sql.Append(" AND occurred_at < @To");
        }

        if (filter.Before is not null)
        {
            // The page after a row, by the order below. Not by time alone: rows written in one instant share it, and a
            // page boundary among them would drop the rest of them from every next page.
            sql.Append("""
                 AND (occurred_at < (SELECT p.occurred_at FROM audit_log p WHERE p.id = @Before)
                      OR (occurred_at = (SELECT p.occurred_at FROM audit_log p WHERE p.id = @Before) AND id < @Before))
                """);
        }

        sql.Append(" ORDER BY occurred_at DESC, id DESC ").Append(dialect.Limit("@Take"));
        var rows = await connection.QueryAsync<AuditRecord>(new CommandDefinition(
            sql.ToString(),
            new { filter.EntityType, filter.EntityId, filter.Actor, filter.From, filter.To, filter.Before, Take = take },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>The rows about the client and their assessments and assertions, as column–value rows for the personal data export.</summary>
    public static Task<IEnumerable<dynamic>> OfClientAsync(DbTransaction transaction, string clientId, CancellationToken cancellationToken) =>
        transaction.Connection!.QueryAsync(new CommandDefinition(OfClient, new { Id = clientId }, transaction, cancellationToken: cancellationToken));
}
