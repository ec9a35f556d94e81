using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using Osaamismerkit.Catalogue;
using Osaamismerkit.ClientMessages;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;

namespace Osaamismerkit.Issuing;

/// <summary>
/// Turns a claim-code placeholder into a badge for an e-mail address, in one transaction: the placeholder is
/// revoked (kept in the history), the same achievement is re-issued to the hashed e-mail, and the client record
/// gets the address if it had none. Used by the claim API (code) and the client's wallet (link + placeholder).
/// </summary>
public sealed class BadgeClaims(
    Database database, BadgeVersions versions, AssertionIssuer issuer, ContactProtector protector, ContactLookupKey hasher, AuditLog audit, Outbox outbox, TimeProvider clock)
{
    public const string ClaimedReason = "claimed: re-issued to the recipient's e-mail address";

    /// <summary>Null when no unclaimed placeholder has this code.</summary>
    public Task<ClaimedBadge?> ByCodeAsync(string normalizedCode, string normalizedEmail, CancellationToken cancellationToken) =>
        RetriedAsync(() => ClaimAsync(t => AssertionQueries.PlaceholderByCodeAsync(t, ClaimCodes.Hash(normalizedCode), cancellationToken), normalizedEmail, cancellationToken), cancellationToken);

    /// <summary>Null when the client has no such unclaimed placeholder.</summary>
    public Task<ClaimedBadge?> ByPlaceholderAsync(string clientId, Guid placeholderId, string normalizedEmail, CancellationToken cancellationToken) =>
        RetriedAsync(() => ClaimAsync(t => AssertionQueries.PlaceholderOfClientAsync(t, clientId, placeholderId.ToString(), cancellationToken), normalizedEmail, cancellationToken), cancellationToken);

    // A deadlock victim (rolled back) runs again and finds the code as the winner left it. Not after a broken connection:
    // if that claim committed, a second run would find the code used and answer "no such code" to its own claimant.
    private static Task<ClaimedBadge?> RetriedAsync(Func<Task<ClaimedBadge?>> claim, CancellationToken cancellationToken) =>
        DatabaseRetry.RunAsync(claim, idempotent: false, cancellationToken);

    private async Task<ClaimedBadge?> ClaimAsync(
        Func<DbTransaction, Task<PlaceholderAssertion?>> find, string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Which client: read before the transaction, then read again under that client's lock, so that two claims of
        // one code on two instances cannot both find it unclaimed.
        string? clientId;
        await using (var lookup = await connection.BeginTransactionAsync(cancellationToken))
        {
            clientId = (await find(lookup))?.ClientId;
        }

        if (clientId is null)
        {
            return null;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ClientQueries.LockAsync(transaction, clientId, cancellationToken);
        var placeholder = await find(transaction);
        var badge = placeholder is null ? null : await versions.FindAsync(placeholder.BadgeId, placeholder.BadgeVersion, cancellationToken);
        if (placeholder is null || badge is null)
        {
            return null;
        }

        var actor = new Actor("client:" + placeholder.ClientId, "Client");
        var now = clock.GetUtcNow();
        if (!await Revocations.RevokeAsync(transaction, audit, actor, placeholder.Id, ClaimedReason, now, cancellationToken))
        {
            return null;
        }

        var evidence = JsonNode.Parse(placeholder.Json)?["evidence"]?[0]?["narrative"]?.GetValue<string>();
        var issued = await issuer.IssueAsync(transaction, new NewAssertion(
            placeholder.ClientId, badge, placeholder.BadgeLanguage, Recipient.Email(email), placeholder.IssuedOn,
            placeholder.AssessmentId, evidence, Guid.Parse(placeholder.Id)), actor, cancellationToken);
        if (await ClientQueries.SetEmailIfMissingAsync(
                transaction, placeholder.ClientId, protector.Protect(email), hasher.Email(email), hasher.KeyId, now, cancellationToken))
        {
            await audit.AppendAsync(transaction, actor, new AuditEntry("client.email-claimed", "client", placeholder.ClientId), cancellationToken);
        }

        // After the address is on the client: the message goes to it.
        await outbox.QueueAsync(transaction, placeholder.ClientId, issued.Id.ToString(), badge.Id, MessageKinds.Claimed, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.WakeSender();
        return new ClaimedBadge(issued.Id, badge.Id, Guid.Parse(placeholder.Id));
    }
}
