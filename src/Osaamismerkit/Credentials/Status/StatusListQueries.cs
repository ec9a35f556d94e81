using System.Data.Common;
using Dapper;

namespace Osaamismerkit.Credentials.Status;

/// <summary>The query home of <c>credential_status</c>: each assertion's bit in the Bitstring Status List.</summary>
public static class StatusListQueries
{
    private const string IndexOf = "SELECT list_index FROM credential_status WHERE assertion_id = @AssertionId";

    private const string Taken = "SELECT COUNT(*) FROM credential_status WHERE list_index = @Index";

    private const string Count = "SELECT COUNT(*) FROM credential_status";

    private const string Insert = """
        INSERT INTO credential_status (assertion_id, list_index, allocated_at)
        VALUES (@AssertionId, @Index, @Now)
        """;

    // Revocation is the assertion's own revoked_at, so the list changes in the same transaction that revokes the badge.
    private const string Revoked = """
        SELECT s.list_index
        FROM credential_status s
        JOIN assertions a ON a.id = s.assertion_id
        WHERE a.revoked_at IS NOT NULL
        """;

    public static Task<int?> IndexOfAsync(DbConnection connection, string assertionId, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.QueryFirstOrDefaultAsync<int?>(new CommandDefinition(IndexOf, new { AssertionId = assertionId }, transaction, cancellationToken: cancellationToken));

    public static async Task<bool> IsTakenAsync(DbTransaction transaction, int index, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(Taken, new { Index = index }, transaction, cancellationToken: cancellationToken)) > 0;

    public static Task<int> CountAsync(DbTransaction transaction, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(Count, transaction: transaction, cancellationToken: cancellationToken));

    public static Task InsertAsync(DbTransaction transaction, string assertionId, int index, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(Insert, new { AssertionId = assertionId, Index = index, Now = now }, transaction, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<int>> RevokedIndexesAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<int>(new CommandDefinition(Revoked, cancellationToken: cancellationToken))).ToList();
}
