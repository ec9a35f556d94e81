using System.Data.Common;
using Dapper;

namespace Osaamismerkit.Issuing;

/// <summary>The badges a client holds now: assertions neither revoked nor expired.</summary>
public static class HeldBadges
{
    private const string Active = """
        SELECT id, badge_id, expires
        FROM assertions
        WHERE client_id = @ClientId AND revoked_at IS NULL
        """;

    public static async Task<IReadOnlyList<ActiveAssertion>> ActiveAsync(DbTransaction transaction, string clientId, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<ActiveAssertion>(new CommandDefinition(Active, new { ClientId = clientId }, transaction, cancellationToken: cancellationToken))).ToList();
}
