using System.Data.Common;

namespace Osaamismerkit.Infrastructure.Auditing;

/// <summary>Appends audit rows inside the caller's transaction, so the row exists exactly when the change does.</summary>
public sealed class AuditLog(TimeProvider clock)
{
    public Task AppendAsync(DbTransaction transaction, Actor actor, AuditEntry entry, CancellationToken cancellationToken = default) =>
        AuditQueries.InsertAsync(transaction, Guid.CreateVersion7().ToString(), clock.GetUtcNow(), actor, entry, cancellationToken);
}
