using System.Data.Common;
using Dapper;

namespace Osaamismerkit.Credentials.Keys;

/// <summary>The query home of <c>credential_keys</c>: the public halves of every Ed25519 key that ever signed.</summary>
public static class CredentialKeyQueries
{
    private const string Register = """
        INSERT INTO credential_keys (id, public_key_multibase, created_at, retired_at)
        SELECT @Id, @PublicKeyMultibase, @Now, NULL
        WHERE NOT EXISTS (SELECT 1 FROM credential_keys WHERE id = @Id)
        """;

    private const string Unretire = "UPDATE credential_keys SET retired_at = NULL WHERE id = @Id AND retired_at IS NOT NULL";

    private const string RetireOthers = "UPDATE credential_keys SET retired_at = @Now WHERE id <> @Id AND retired_at IS NULL";

    private const string All = "SELECT id, public_key_multibase FROM credential_keys ORDER BY created_at, id";

    private const string CurrentId = "SELECT id FROM credential_keys WHERE retired_at IS NULL";

    public static async Task<int> MakeCurrentAsync(DbTransaction transaction, string id, string publicKeyMultibase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var changed = await connection.ExecuteAsync(new CommandDefinition(Register, new { Id = id, PublicKeyMultibase = publicKeyMultibase, Now = now }, transaction, cancellationToken: cancellationToken));
        changed += await connection.ExecuteAsync(new CommandDefinition(Unretire, new { Id = id }, transaction, cancellationToken: cancellationToken));
        changed += await connection.ExecuteAsync(new CommandDefinition(RetireOthers, new { Id = id, Now = now }, transaction, cancellationToken: cancellationToken));
        return changed;
    }

    public static async Task<IReadOnlyList<(string Id, string PublicKeyMultibase)>> AllAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(string, string)>(new CommandDefinition(All, cancellationToken: cancellationToken))).ToList();

    public static Task<string?> CurrentIdAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(CurrentId, cancellationToken: cancellationToken));
}
