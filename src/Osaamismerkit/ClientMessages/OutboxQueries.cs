using System.Data.Common;
using Dapper;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.ClientMessages;

/// <summary>The home of the outbox_messages table: queuing in the caller's transaction, claiming, marking, the admin list.</summary>
public static class OutboxQueries
{
    private const string Columns = """
        id, client_id, assertion_id, badge_id, kind, language, payload_protected, status, attempts,
        next_attempt_at, last_error, created_at, sent_at
        """;

    private const string Insert = """
        INSERT INTO outbox_messages (id, client_id, assertion_id, badge_id, kind, language, payload_protected, status,
                                     attempts, next_attempt_at, created_at)
        VALUES (@Id, @ClientId, @AssertionId, @BadgeId, @Kind, @Language, @PayloadProtected, 'queued', 0, @Now, @Now)
        """;

    private const string Exists = "SELECT COUNT(*) FROM outbox_messages WHERE assertion_id = @AssertionId AND kind = @Kind";

    // Due: queued and its time has come, or claimed by a worker that died before its lease ran out (a crash mid-send).
    private const string DueFormat = """
        SELECT id FROM outbox_messages
        WHERE (status = 'queued' AND next_attempt_at <= @Now) OR (status = 'sending' AND claimed_until <= @Now)
        ORDER BY next_attempt_at, id
        /*limit*/
        """;

    // The condition repeats the due test, so that of two workers only one claims a row.
    private const string Claim = """
        UPDATE outbox_messages SET status = 'sending', claimed_until = @Until, attempts = attempts + 1
        WHERE id = @Id AND ((status = 'queued' AND next_attempt_at <= @Now) OR (status = 'sending' AND claimed_until <= @Now))
        """;

    private const string ById = $"SELECT {Columns} FROM outbox_messages WHERE id = @Id";

    // The link is needed no more once the server has the message: only the fact that it was sent stays.
    private const string MarkSent = """
        UPDATE outbox_messages SET status = 'sent', sent_at = @Now, claimed_until = NULL, payload_protected = NULL, last_error = NULL
        WHERE id = @Id
        """;

    private const string Retry = """
        UPDATE outbox_messages SET status = 'queued', claimed_until = NULL, next_attempt_at = @Next, last_error = @Error
        WHERE id = @Id
        """;

    private const string Finish = """
        UPDATE outbox_messages SET status = @Status, claimed_until = NULL, payload_protected = NULL, last_error = @Error
        WHERE id = @Id
        """;

    private const string ListFormat = $"""
        SELECT {Columns} FROM outbox_messages
        WHERE (@Status IS NULL OR status = @Status)
        ORDER BY created_at DESC, id
        /*limit*/
        """;

    private const string CountByStatus = "SELECT status, COUNT(*) FROM outbox_messages GROUP BY status";

    private const string DeleteOfClient = "DELETE FROM outbox_messages WHERE client_id = @ClientId";

    private const string OfClient = """
        SELECT id, kind, badge_id, assertion_id, language, status, attempts, created_at, next_attempt_at, sent_at
        FROM outbox_messages WHERE client_id = @ClientId ORDER BY created_at, id
        """;

    // Valid, not revoked, expiring within the window, to a client with an e-mail address who has not refused messages,
    // and not told yet. A placeholder's badge has no address to go to, so it is left out with its client's.
    private const string ExpiringFormat = """
        SELECT a.id, a.client_id, a.badge_id
        FROM assertions a
        JOIN clients c ON c.id = a.client_id
        WHERE a.revoked_at IS NULL AND a.expires IS NOT NULL AND a.expires > @Now AND a.expires <= @Until
          AND c.email_protected IS NOT NULL AND c.refuses_messages = 0
          AND NOT EXISTS (SELECT 1 FROM outbox_messages o WHERE o.assertion_id = a.id AND o.kind = 'expiring')
        ORDER BY a.expires, a.id
        /*limit*/
        """;

    /// <summary>The dialect's row limit where the statement says /*limit*/.</summary>
    private static string WithLimit(string sql, SqlDialect dialect, string parameter) => sql.Replace("/*limit*/", dialect.Limit(parameter), StringComparison.Ordinal);

    public static Task InsertAsync(
        DbTransaction transaction, string id, string clientId, string assertionId, string badgeId, string kind, string language,
        string? payloadProtected, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            Insert,
            new { Id = id, ClientId = clientId, AssertionId = assertionId, BadgeId = badgeId, Kind = kind, Language = language, PayloadProtected = payloadProtected, Now = now },
            transaction,
            cancellationToken: cancellationToken));

    public static async Task<bool> ExistsAsync(DbTransaction transaction, string assertionId, string kind, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
            Exists, new { AssertionId = assertionId, Kind = kind }, transaction, cancellationToken: cancellationToken)) > 0;

    public static async Task<IReadOnlyList<string>> DueAsync(DbConnection connection, SqlDialect dialect, DateTimeOffset now, int batch, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            WithLimit(DueFormat, dialect, "@Batch"),
            new { Now = now, Batch = batch },
            cancellationToken: cancellationToken))).AsList();

    /// <summary>True when this worker now holds the message until <paramref name="until"/>.</summary>
    public static async Task<bool> ClaimAsync(DbConnection connection, string id, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(Claim, new { Id = id, Now = now, Until = until }, cancellationToken: cancellationToken)) == 1;

    public static Task<OutboxMessage?> FindAsync(DbConnection connection, string id, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<OutboxMessage>(new CommandDefinition(ById, new { Id = id }, cancellationToken: cancellationToken));

    public static Task MarkSentAsync(DbConnection connection, string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(MarkSent, new { Id = id, Now = now }, cancellationToken: cancellationToken));

    public static Task RetryAsync(DbConnection connection, string id, DateTimeOffset next, string error, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(Retry, new { Id = id, Next = next, Error = error }, cancellationToken: cancellationToken));

    /// <summary>Failed or cancelled for good: the link goes, the reason stays for admins.</summary>
    public static Task FinishAsync(DbConnection connection, string id, string status, string error, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(Finish, new { Id = id, Status = status, Error = error }, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<OutboxMessage>> ListAsync(
        DbConnection connection, SqlDialect dialect, string? status, int limit, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<OutboxMessage>(new CommandDefinition(
            WithLimit(ListFormat, dialect, "@Limit"),
            new { Status = status, Limit = limit },
            cancellationToken: cancellationToken))).AsList();

    public static async Task<IReadOnlyList<OutboxEntry>> ListOfClientAsync(DbConnection connection, string clientId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<OutboxMessage>(new CommandDefinition(
            $"SELECT {Columns} FROM outbox_messages WHERE client_id = @ClientId ORDER BY created_at, id", new { ClientId = clientId }, cancellationToken: cancellationToken)))
        .Select(EntryOf).ToList();

    public static OutboxEntry EntryOf(OutboxMessage m) =>
        new(m.Id, m.ClientId, m.AssertionId, m.BadgeId, m.Kind, m.Language, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError);

    public static async Task<IReadOnlyDictionary<string, int>> CountsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(string Status, int Count)>(new CommandDefinition(CountByStatus, cancellationToken: cancellationToken)))
        .ToDictionary(r => r.Status, r => r.Count, StringComparer.Ordinal);

    public static async Task<IReadOnlyList<ExpiringAssertion>> ExpiringAsync(
        DbConnection connection, SqlDialect dialect, DateTimeOffset now, DateTimeOffset until, int batch, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ExpiringAssertion>(new CommandDefinition(
            WithLimit(ExpiringFormat, dialect, "@Batch"),
            new { Now = now, Until = until, Batch = batch },
            cancellationToken: cancellationToken))).AsList();

    /// <summary>Erasure: the client's messages go, sent or not.</summary>
    public static Task DeleteOfClientAsync(DbTransaction transaction, string clientId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(DeleteOfClient, new { ClientId = clientId }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// The client's messages as column–value rows for the personal data export: what was sent, in which language, when.
    /// Not the link (a key to the wallet), and not the last error, which is the mail server's text and may name its hosts.
    /// </summary>
    public static Task<IEnumerable<dynamic>> OfClientAsync(DbTransaction transaction, string clientId, CancellationToken cancellationToken) =>
        transaction.Connection!.QueryAsync(new CommandDefinition(OfClient, new { ClientId = clientId }, transaction, cancellationToken: cancellationToken));
}
