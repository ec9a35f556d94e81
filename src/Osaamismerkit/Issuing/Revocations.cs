using System.Data.Common;
using Osaamismerkit.Infrastructure.Auditing;

namespace Osaamismerkit.Issuing;

/// <summary>Revocation marks an assertion; it never deletes it. The revocation list is read from the same rows.</summary>
public static class Revocations
{
    public static async Task<bool> RevokeAsync(
        DbTransaction transaction, AuditLog audit, Actor actor, string assertionId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var revoked = await AssertionQueries.RevokeAsync(transaction, assertionId, reason, actor.Id, now, cancellationToken);
        if (revoked)
        {
            await audit.AppendAsync(transaction, actor, new AuditEntry("assertion.revoked", "assertion", assertionId), cancellationToken);
        }

        return revoked;
    }
}
