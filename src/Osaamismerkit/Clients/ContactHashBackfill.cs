using Dapper;
using Osaamismerkit.Infrastructure.Auditing;

namespace Osaamismerkit.Clients;

/// <summary>
/// At start-up, gives every client with an e-mail or phone the lookup hashes of the current key: rows from before
/// migration 0007, and every row after the key was changed. Batches keep each write transaction short.
/// </summary>
public sealed class ContactHashBackfill(
    Infrastructure.Database.Database database, ContactHasher hasher, ContactProtector protector, AuditLog audit, ILogger<ContactHashBackfill> logger)
{
    private const int BatchSize = 500;

    private string Stale => $"""
        SELECT id AS Id, email_protected AS EmailProtected, phone_protected AS PhoneProtected
        FROM clients
        WHERE (email_protected IS NOT NULL OR phone_protected IS NOT NULL)
          AND (contact_hash_key IS NULL OR contact_hash_key <> @KeyId)
        ORDER BY id
        {database.Dialect.Limit(BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture))}
        """;

    private const string Update = """
        UPDATE clients SET email_hash = @EmailHash, phone_hash = @PhoneHash, contact_hash_key = @KeyId WHERE id = @Id
        """;

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var keyId = hasher.KeyId;
        var done = 0;
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var rows = (await connection.QueryAsync<StaleRow>(new CommandDefinition(Stale, new { KeyId = keyId }, transaction, cancellationToken: cancellationToken))).ToList();
            foreach (var row in rows)
            {
                var hashes = hasher.Of(protector.Unprotect(row.EmailProtected), protector.Unprotect(row.PhoneProtected));
                await connection.ExecuteAsync(new CommandDefinition(Update, new { row.Id, hashes.EmailHash, hashes.PhoneHash, KeyId = keyId }, transaction, cancellationToken: cancellationToken));
            }

            if (rows.Count > 0)
            {
                await audit.AppendAsync(transaction, Actor.System, new AuditEntry("clients.contact-hashed", "client", "*", $"{rows.Count} clients, key {keyId}"), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            done += rows.Count;
            if (rows.Count < BatchSize)
            {
                break;
            }
        }

        if (done > 0)
        {
            logger.LogInformation("Contact lookup hashes computed for {Count} clients (key {KeyId})", done, keyId);
        }

        return done;
    }

    private sealed record StaleRow
    {
        public required string Id { get; init; }

        public string? EmailProtected { get; init; }

        public string? PhoneProtected { get; init; }
    }
}
