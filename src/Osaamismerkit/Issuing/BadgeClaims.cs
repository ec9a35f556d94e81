using System.Text.Json.Nodes;
using Dapper;
using Osaamismerkit.Catalogue;
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
    Database database, BadgeVersions versions, AssertionIssuer issuer, ContactProtector protector, ContactLookupKey hasher, AuditLog audit, TimeProvider clock)
{
    public const string ClaimedReason = "claimed: re-issued to the recipient's e-mail address";

    private const string Columns = """
        SELECT id, client_id, badge_id, badge_version, assessment_id,
               badge_language, issued_on, assertion_json AS Json
        FROM assertions
        """;

    private const string ByCode = Columns + " WHERE claim_code_hash = @Hash AND revoked_at IS NULL";

    private const string ByPlaceholder = Columns + """
         WHERE id = @Id AND client_id = @ClientId AND recipient_type = 'url' AND claim_code_hash IS NOT NULL AND revoked_at IS NULL
        """;

    /// <summary>Null when no unclaimed placeholder has this code.</summary>
    public Task<ClaimedBadge?> ByCodeAsync(string normalizedCode, string normalizedEmail, CancellationToken cancellationToken) =>
        ClaimAsync(ByCode, new { Hash = ClaimCodes.Hash(normalizedCode) }, normalizedEmail, cancellationToken);

    /// <summary>Null when the client has no such unclaimed placeholder.</summary>
    public Task<ClaimedBadge?> ByPlaceholderAsync(string clientId, Guid placeholderId, string normalizedEmail, CancellationToken cancellationToken) =>
        ClaimAsync(ByPlaceholder, new { Id = placeholderId.ToString(), ClientId = clientId }, normalizedEmail, cancellationToken);

    private async Task<ClaimedBadge?> ClaimAsync(string sql, object parameters, string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var placeholder = await connection.QueryFirstOrDefaultAsync<PlaceholderRow>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
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

        await transaction.CommitAsync(cancellationToken);
        return new ClaimedBadge(issued.Id, badge.Id, Guid.Parse(placeholder.Id));
    }

    private sealed record PlaceholderRow
    {
        public required string Id { get; init; }

        public required string ClientId { get; init; }

        public required string BadgeId { get; init; }

        public required string BadgeVersion { get; init; }

        public string? AssessmentId { get; init; }

        public required string BadgeLanguage { get; init; }

        public required DateTimeOffset IssuedOn { get; init; }

        public required string Json { get; init; }
    }
}
