using Osaamismerkit.Infrastructure.Auditing;

namespace Osaamismerkit.Clients;

/// <summary>
/// At start-up, gives every client with an e-mail or phone the lookup hashes of the current key: rows from before
/// migration 0007, and every row after the key was changed. Batches keep each write transaction short.
/// </summary>
public sealed class ContactHashBackfill(
    Infrastructure.Database.Database database, ContactLookupKey hasher, ContactProtector protector, AuditLog audit, KeyRing keyRing,
    ILogger<ContactHashBackfill> logger)
{
    private const int BatchSize = 500;

    public sealed record Outcome(int Hashed, int Unreadable);

    public async Task<Outcome> RunAsync(CancellationToken cancellationToken = default)
    {
        var keyId = hasher.KeyId;
        var hashed = 0;
        var unreadable = 0;
        var after = string.Empty;
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var rows = await ClientQueries.StaleContactsAsync(transaction, database.Dialect, keyId, after, BatchSize, cancellationToken);
            var batch = 0;
            foreach (var row in rows)
            {
                if (Decrypt(row) is not { } contact)
                {
                    unreadable++;
                    continue;
                }

                var hashes = hasher.Of(contact.Email, contact.Phone);
                await ClientQueries.SetHashesAsync(transaction, row.Id, hashes with { KeyId = keyId }, cancellationToken);
                batch++;
            }

            if (batch > 0)
            {
                await audit.AppendAsync(transaction, Actor.System, new AuditEntry("clients.contact-hashed", "client", "*", $"{batch} clients, key {keyId}"), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            hashed += batch;
            if (rows.Count < BatchSize)
            {
                break;
            }

            after = rows[^1].Id;
        }

        if (hashed > 0)
        {
            logger.LogInformation("Contact lookup hashes computed for {Count} clients (key {KeyId})", hashed, keyId);
        }

        if (unreadable > 0)
        {
            // Typically a restored database without the key ring it was encrypted with: the service still runs and
            // badges verify, but these contacts stay unreadable and unsearchable until the key ring is put back.
            logger.LogWarning(
                "{Count} clients' e-mail or phone cannot be decrypted with the key ring in {KeyRing}; put back the key ring that belongs to this " +
                "database (the data-protection-keys folder the backup command writes beside the backup, or, with KeyRing:Storage Database, " +
                "the key-ring certificate) and start the service again",
                unreadable, keyRing.Location);
        }

        return new Outcome(hashed, unreadable);
    }

    private (string? Email, string? Phone)? Decrypt(ClientQueries.StaleContact row)
    {
        try
        {
            return (protector.Unprotect(row.EmailProtected), protector.Unprotect(row.PhoneProtected));
        }
        catch (ContactUnreadableException)
        {
            return null;
        }
    }
}
