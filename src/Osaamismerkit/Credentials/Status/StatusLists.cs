using System.Data.Common;
using System.Security.Cryptography;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Credentials.Status;

/// <summary>
/// Gives each credential its bit in the revocation list, drawn at random (never in issue order, so neighbouring bits
/// say nothing about who was issued a badge at the same time), and reads the list from the assertions' revocations.
/// </summary>
public sealed class StatusLists(Database database, TimeProvider clock)
{
    /// <summary>Past half full, random draws start to collide and the list would start to say how many badges exist.</summary>
    private const int MaxAllocated = BitstringStatusList.Length / 2;

    /// <summary>The assertion's index, allocated on first use: a credential is built from its assertion on demand.</summary>
    public async Task<int> IndexOfAsync(string assertionId, CancellationToken cancellationToken = default)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (await StatusListQueries.IndexOfAsync(connection, assertionId, cancellationToken) is { } known)
            {
                return known;
            }
        }

        // Two requests for the same new credential may race: the loser's insert meets the primary key and reads the winner's.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await AllocateAsync(assertionId, cancellationToken);
            }
            catch (DbException e) when (Database.IsUniqueViolation(e) && attempt < 3)
            {
            }
        }
    }

    public async Task<IReadOnlyList<int>> RevokedIndexesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await StatusListQueries.RevokedIndexesAsync(connection, cancellationToken);
    }

    private async Task<int> AllocateAsync(string assertionId, CancellationToken cancellationToken)
    {
        using var turn = await database.WaitForWriteTurnAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await StatusListQueries.IndexOfAsync(connection, assertionId, cancellationToken, transaction) is { } known)
        {
            return known;
        }

        if (await StatusListQueries.CountAsync(transaction, cancellationToken) >= MaxAllocated)
        {
            throw new InvalidOperationException("The revocation status list is half full: start a second list before issuing more credentials.");
        }

        int index;
        do
        {
            index = RandomNumberGenerator.GetInt32(BitstringStatusList.Length);
        }
        while (await StatusListQueries.IsTakenAsync(transaction, index, cancellationToken));

        await StatusListQueries.InsertAsync(transaction, assertionId, index, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return index;
    }
}
