using System.Data.Common;
using Dapper;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.StaffUi.Clients;

namespace Osaamismerkit.Clients;

/// <summary>The home of the clients table: every statement that reads or writes a client.</summary>
public static class ClientQueries
{
    private const string Columns = """
        id, display_name, email_protected, phone_protected,
        preferred_language, unit_id, municipality_code,
        share_name, created_at, updated_at
        """;

    private const string ById = $"SELECT {Columns} FROM clients WHERE id = @Id";

    private const string OfUnits = $"SELECT {Columns} FROM clients WHERE unit_id IN @UnitIds ORDER BY display_name, id";

    private const string All = $"SELECT {Columns} FROM clients ORDER BY display_name";

    private const string Any = "SELECT COUNT(*) FROM clients";

    private const string ListItemsOfUnits = """
        SELECT c.id, c.display_name, u.name AS UnitName
        FROM clients c JOIN units u ON u.id = c.unit_id
        WHERE c.unit_id IN @UnitIds
        """;

    // The client's lock: see migration 0025. Its only reader is the lock itself.
    private const string Lock = "UPDATE clients SET lock_version = lock_version + 1 WHERE id = @Id";

    private const string SharedName = "SELECT display_name FROM clients WHERE id = @Id AND share_name = 1";

    private const string Insert = """
        INSERT INTO clients (id, display_name, email_protected, phone_protected, email_hash, phone_hash, contact_hash_key,
                             preferred_language, unit_id, municipality_code, share_name, created_at, updated_at)
        VALUES (@Id, @DisplayName, @EmailProtected, @PhoneProtected, @EmailHash, @PhoneHash, @KeyId,
                @PreferredLanguage, @UnitId, @MunicipalityCode, 0, @Now, @Now)
        """;

    private const string Update = """
        UPDATE clients
        SET display_name = @DisplayName, email_protected = @EmailProtected, phone_protected = @PhoneProtected,
            email_hash = @EmailHash, phone_hash = @PhoneHash, contact_hash_key = @KeyId, preferred_language = @PreferredLanguage, unit_id = @UnitId, municipality_code = @MunicipalityCode,
            updated_at = @Now
        WHERE id = @Id
        """;

    private const string Erase = """
        UPDATE clients SET display_name = @Name, email_protected = NULL, phone_protected = NULL,
                           email_hash = NULL, phone_hash = NULL, contact_hash_key = NULL, share_name = 0, updated_at = @Now
        WHERE id = @Id
        """;

    private const string SetEmailIfMissing = """
        UPDATE clients SET email_protected = @EmailProtected, email_hash = @EmailHash,
                           contact_hash_key = COALESCE(contact_hash_key, @KeyId), updated_at = @Now
        WHERE id = @Id AND email_protected IS NULL
        """;

    private const string MessageContactById = """
        SELECT id, email_protected, preferred_language, refuses_messages FROM clients WHERE id = @Id
        """;

    private const string SetRefusesMessages = """
        UPDATE clients SET refuses_messages = @On, updated_at = @Now WHERE id = @Id
        """;

    private const string SetShareName = """
        UPDATE clients SET share_name = @On, updated_at = @Now WHERE id = @Id AND share_name <> @On
        """;

    private const string UpdateHashes = """
        UPDATE clients SET email_hash = @EmailHash, phone_hash = @PhoneHash, contact_hash_key = @KeyId WHERE id = @Id
        """;

    public static Task<ClientRow?> FindAsync(DbConnection connection, string id, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<ClientRow>(new CommandDefinition(ById, new { Id = id }, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<ClientRow>> AllAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ClientRow>(new CommandDefinition(All, cancellationToken: cancellationToken))).ToList();

    public static async Task<IReadOnlyList<ClientRow>> OfUnitsAsync(DbConnection connection, IReadOnlyCollection<string> unitIds, CancellationToken cancellationToken) =>
        unitIds.Count == 0
            ? []
            : (await connection.QueryAsync<ClientRow>(new CommandDefinition(OfUnits, new { UnitIds = unitIds.ToArray() }, cancellationToken: cancellationToken))).ToList();

    /// <summary>Clients whose e-mail or phone has this lookup hash (the column is ContactSearch's, never user input).</summary>
    public static async Task<IReadOnlyList<ClientRow>> ByContactAsync(DbConnection connection, ContactSearch contact, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ClientRow>(new CommandDefinition(
            $"SELECT {Columns} FROM clients WHERE {contact.Column} = @Hash ORDER BY display_name", new { contact.Hash }, cancellationToken: cancellationToken))).ToList();

    /// <summary>The staff pages' list lines of the units' clients, optionally only those a whole e-mail or phone finds.</summary>
    public static async Task<IReadOnlyList<ClientListItem>> ListItemsOfUnitsAsync(
        DbConnection connection, IReadOnlyCollection<string> unitIds, ContactSearch? contact, CancellationToken cancellationToken)
    {
        var command = contact is null
            ? new CommandDefinition(ListItemsOfUnits, new { UnitIds = unitIds.ToArray() }, cancellationToken: cancellationToken)
            : new CommandDefinition(
                ListItemsOfUnits + $" AND c.{contact.Column} = @Hash", new { UnitIds = unitIds.ToArray(), contact.Hash }, cancellationToken: cancellationToken);
        return (await connection.QueryAsync<ClientListItem>(command)).ToList();
    }

    public static async Task<bool> AnyAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(Any, cancellationToken: cancellationToken)) > 0;

    /// <summary>The client's name, only if they have chosen to show it on their badges' public pages.</summary>
    public static Task<string?> SharedNameAsync(DbConnection connection, string clientId, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(SharedName, new { Id = clientId }, cancellationToken: cancellationToken));

    /// <summary>A new client; created_at and updated_at are both the row's CreatedAt.</summary>
    public static Task InsertAsync(DbTransaction transaction, ClientRow row, ContactLookupHashes hashes, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(Insert, Parameters(row, hashes, row.CreatedAt), transaction, cancellationToken: cancellationToken));

    public static Task UpdateAsync(DbTransaction transaction, ClientRow row, ContactLookupHashes hashes, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(Update, Parameters(row, hashes, row.UpdatedAt), transaction, cancellationToken: cancellationToken));

    // Insert and update write the same columns; only which timestamp is "now" differs.
    private static object Parameters(ClientRow row, ContactLookupHashes hashes, DateTimeOffset now) => new
    {
        row.Id,
        row.DisplayName,
        row.EmailProtected,
        row.PhoneProtected,
        row.PreferredLanguage,
        row.UnitId,
        row.MunicipalityCode,
        Now = now,
        hashes.EmailHash,
        hashes.PhoneHash,
        hashes.KeyId,
    };

    /// <summary>
    /// Takes this client's lock for the rest of the transaction, before its first read of the client's badges,
    /// baselines or claim codes: two such transactions for one client then run one after the other on any number of
    /// instances, and the second reads what the first committed. False when there is no such client.
    /// </summary>
    public static async Task<bool> LockAsync(DbTransaction transaction, string id, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(Lock, new { Id = id }, transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>Replaces the name and removes the contact details and their lookup hashes (GDPR erasure).</summary>
    public static Task EraseAsync(DbTransaction transaction, string id, string erasedName, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(Erase, new { Id = id, Name = erasedName, Now = now }, transaction, cancellationToken: cancellationToken));

    /// <summary>True when the client had no e-mail address and now has this one.</summary>
    public static async Task<bool> SetEmailIfMissingAsync(
        DbTransaction transaction, string id, string? emailProtected, string? emailHash, string keyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            SetEmailIfMissing,
            new { Id = id, EmailProtected = emailProtected, EmailHash = emailHash, KeyId = keyId, Now = now },
            transaction,
            cancellationToken: cancellationToken)) == 1;

    /// <summary>True when the setting changed; setting the value it already has writes nothing.</summary>
    /// <summary>Where and whether a message may go: read when a message is queued and again when it is sent.</summary>
    public static Task<MessageContact?> MessageContactAsync(DbConnection connection, string id, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QueryFirstOrDefaultAsync<MessageContact>(new CommandDefinition(MessageContactById, new { Id = id }, transaction, cancellationToken: cancellationToken));

    public static async Task<bool> SetRefusesMessagesAsync(DbTransaction transaction, string id, bool on, DateTimeOffset now, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            SetRefusesMessages, new { Id = id, On = on ? 1 : 0, Now = now }, transaction, cancellationToken: cancellationToken)) > 0;

    public static async Task<bool> SetShareNameAsync(DbTransaction transaction, string id, bool on, DateTimeOffset now, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            SetShareName, new { Id = id, On = on ? 1 : 0, Now = now }, transaction, cancellationToken: cancellationToken)) > 0;

    /// <summary>
    /// The next batch of clients with an e-mail or phone not yet hashed with this key, in id order after the given id.
    /// </summary>
    public static async Task<IReadOnlyList<StaleContact>> StaleContactsAsync(
        DbTransaction transaction, SqlDialect dialect, string keyId, string after, int batchSize, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT id, email_protected, phone_protected
            FROM clients
            WHERE (email_protected IS NOT NULL OR phone_protected IS NOT NULL)
              AND (contact_hash_key IS NULL OR contact_hash_key <> @KeyId)
              AND id > @After
            ORDER BY id
            {dialect.Limit(batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture))}
            """;
        return (await transaction.Connection!.QueryAsync<StaleContact>(
            new CommandDefinition(sql, new { KeyId = keyId, After = after }, transaction, cancellationToken: cancellationToken))).ToList();
    }

    public static Task SetHashesAsync(DbTransaction transaction, string id, ContactLookupHashes hashes, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            UpdateHashes, new { Id = id, hashes.EmailHash, hashes.PhoneHash, hashes.KeyId }, transaction, cancellationToken: cancellationToken));

    /// <summary>A client's encrypted contact details, still to be given the current key's lookup hashes.</summary>
    public sealed record StaleContact
    {
        public required string Id { get; init; }

        public string? EmailProtected { get; init; }

        public string? PhoneProtected { get; init; }
    }
}
