using Osaamismerkit.Assessments;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Issuing;
using Osaamismerkit.Wallet;

namespace Osaamismerkit.Clients;

/// <summary>
/// Erasure at the client's request (GDPR art. 17). What stays is only what the county must keep, none of it able to
/// name the person: the client's pseudonymous id, assessment outcomes and baseline levels for statistics (neither holds
/// free text once the evidence note is emptied), the assertion ids on the public revocation list under the neutral
/// reason <see cref="ErasedReason"/>, and the audit trail (ids and actions). Gone: name, e-mail, phone and their lookup
/// hashes; every assertion's recipient hash and salt (so no e-mail check can confirm an address), its evidence, its
/// signed JWS and any revocation reason a person wrote; claim codes; wallet links; messages to the client, sent or not.
/// </summary>
public sealed class ClientErasure(Infrastructure.Database.Database database, AuditLog audit, TimeProvider clock)
{
    /// <summary>Published on the revocation list and the badge page as the listed wording "revoked at the holder's request": true, and says nothing about who or what was erased.</summary>
    public const string ErasedReason = Issuing.RevocationReasons.HolderRequest;

    public const string ErasedName = "—";

    public async Task EraseAsync(string clientId, Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ClientQueries.LockAsync(transaction, clientId, cancellationToken);
        foreach (var assertion in await AssertionQueries.DocumentsOfClientAsync(transaction, clientId, cancellationToken))
        {
            await Revocations.RevokeAsync(transaction, audit, actor, assertion.Id, ErasedReason, now, cancellationToken);
            await AssertionQueries.EraseAsync(transaction, assertion.Id, RevokedAssertionForm.Of(assertion.Json), ErasedReason, cancellationToken);
        }

        await ClientQueries.EraseAsync(transaction, clientId, ErasedName, now, cancellationToken);
        await AssessmentQueries.EraseEvidenceAsync(transaction, clientId, cancellationToken);
        await WalletLinkQueries.RevokeActiveAsync(transaction, clientId, now, actor.Id, cancellationToken);
        await ClientMessages.OutboxQueries.DeleteOfClientAsync(transaction, clientId, cancellationToken);
        await audit.AppendAsync(transaction, actor, new AuditEntry("client.erased", "client", clientId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
