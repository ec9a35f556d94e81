using System.Data.Common;
using Dapper;
using Osaamismerkit.Infrastructure.Auditing;

namespace Osaamismerkit.Issuing;

/// <summary>Revocation marks an assertion; it never deletes it. The revocation list is read from the same rows.</summary>
public static class Revocations
{
    private const string Revoke = """
        UPDATE assertions
        SET revoked_at = @Now, revocation_reason = @Reason, revoked_by = @By
        WHERE id = @Id AND revoked_at IS NULL
        """;

    public static async Task<bool> RevokeAsync(
        DbTransaction transaction, AuditLog audit, Actor actor, string assertionId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            Revoke, new { Id = assertionId, Reason = reason, By = actor.Id, Now = now }, transaction, cancellationToken: cancellationToken));
        if (changed == 1)
        {
            await audit.AppendAsync(transaction, actor, new AuditEntry("assertion.revoked", "assertion", assertionId), cancellationToken);
        }

        return changed == 1;
    }
}
