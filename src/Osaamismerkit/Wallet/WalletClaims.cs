using System.Text.Json.Nodes;
using Dapper;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Issuing;

namespace Osaamismerkit.Wallet;

/// <summary>
/// The claim of POST /api/claims, done from the client's own wallet: the placeholder is revoked and the badge is
/// re-issued to the e-mail address in one transaction, with the same audit rows. The wallet link already proves
/// whose badge it is, so the client types only the address; the placeholder must belong to that client.
/// </summary>
public sealed class WalletClaims(Database database, BadgeVersions versions, AssertionIssuer issuer, ContactProtector protector, AuditLog audit, TimeProvider clock)
{
    // Same reason text as the claim API (Issuing/IssuingEndpoints), so both kinds of claim read alike in the revocation list.
    public const string ClaimedReason = "claimed: re-issued to the recipient's e-mail address";

    private const string Placeholder = """
        SELECT id AS Id, badge_id AS BadgeId, badge_version AS BadgeVersion, assessment_id AS AssessmentId, badge_language AS BadgeLanguage,
               issued_on AS IssuedOn, assertion_json AS Json
        FROM assertions
        WHERE id = @Id AND client_id = @ClientId AND recipient_type = 'url' AND claim_code_hash IS NOT NULL AND revoked_at IS NULL
        """;

    private const string SetEmailIfMissing = """
        UPDATE clients SET email_protected = @EmailProtected, updated_at = @Now WHERE id = @Id AND email_protected IS NULL
        """;

    /// <summary>The re-issued assertion's id, or null when there is no such unclaimed placeholder of this client.</summary>
    public async Task<Guid?> ClaimAsync(string clientId, Guid placeholderId, string normalizedEmail, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var placeholder = await connection.QueryFirstOrDefaultAsync<PlaceholderRow>(new CommandDefinition(
            Placeholder, new { Id = placeholderId.ToString(), ClientId = clientId }, transaction, cancellationToken: cancellationToken));
        var badge = placeholder is null ? null : await versions.FindAsync(placeholder.BadgeId, placeholder.BadgeVersion, cancellationToken);
        if (placeholder is null || badge is null)
        {
            return null;
        }

        var actor = new Actor("client:" + clientId, "Client");
        var now = clock.GetUtcNow();
        if (!await Revocations.RevokeAsync(transaction, audit, actor, placeholder.Id, ClaimedReason, now, cancellationToken))
        {
            return null;
        }

        var evidence = JsonNode.Parse(placeholder.Json)?["evidence"]?[0]?["narrative"]?.GetValue<string>();
        var issued = await issuer.IssueAsync(transaction, new NewAssertion(
            clientId, badge, placeholder.BadgeLanguage, Recipient.Email(normalizedEmail), placeholder.IssuedOn,
            placeholder.AssessmentId, evidence, Guid.Parse(placeholder.Id)), actor, cancellationToken);
        var emailSet = await connection.ExecuteAsync(new CommandDefinition(
            SetEmailIfMissing, new { Id = clientId, EmailProtected = protector.Protect(normalizedEmail), Now = now }, transaction, cancellationToken: cancellationToken));
        if (emailSet == 1)
        {
            await audit.AppendAsync(transaction, actor, new AuditEntry("client.email-claimed", "client", clientId), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return issued.Id;
    }

    private sealed record PlaceholderRow
    {
        public required string Id { get; init; }

        public required string BadgeId { get; init; }

        public required string BadgeVersion { get; init; }

        public string? AssessmentId { get; init; }

        public required string BadgeLanguage { get; init; }

        public required DateTimeOffset IssuedOn { get; init; }

        public required string Json { get; init; }
    }
}
