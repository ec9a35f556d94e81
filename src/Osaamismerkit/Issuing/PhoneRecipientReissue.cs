using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Osaamismerkit.Catalogue;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Http;

namespace Osaamismerkit.Issuing;

/// <summary>
/// At start-up, re-issues every live assertion that still names its recipient by a hashed telephone number. A phone
/// number has so little entropy (~10⁸ Finnish mobiles) that its published hash and salt give the number away in
/// seconds. Each one is revoked with the neutral reason <see cref="ReissuedReason"/>, its hosted document loses the
/// recipient and its JWS, and the same achievement (badge, version, dates, evidence) is issued again to the badge's
/// public page URL, like a claim-code placeholder, with <c>replaces_id</c> pointing back. Copies already downloaded
/// (a baked image, a backpack) cannot be recalled; what we publish from now on no longer carries the hash.
/// Idempotent: a revoked row is never picked again. One transaction, audited as the system.
/// </summary>
public sealed class PhoneRecipientReissue(
    Infrastructure.Database.Database database, BadgeVersions versions, AssertionIssuer issuer, AuditLog audit, TimeProvider clock,
    IOptions<PublicOptions> publicOptions, ILogger<PhoneRecipientReissue> logger)
{
    public const string ReissuedReason = RevocationReasons.Replaced;

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await AssertionQueries.LiveOfRecipientTypeAsync(transaction, Recipient.TelephoneType, cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        // The new identity is the badge's public URL, which outside a request only Public:BaseUrl can give.
        if (string.IsNullOrWhiteSpace(publicOptions.Value.BaseUrl))
        {
            logger.LogWarning("{Count} badges still carry a hashed telephone number; set Public:BaseUrl so that they are re-issued at start-up.", rows.Count);
            return 0;
        }

        var now = clock.GetUtcNow();
        var reissued = 0;
        foreach (var row in rows)
        {
            if (await versions.FindAsync(row.BadgeId, row.BadgeVersion, cancellationToken) is not { } badge)
            {
                continue;
            }

            // Another instance starting at the same time may have re-issued it: the revocation says whether this one won.
            await ClientQueries.LockAsync(transaction, row.ClientId, cancellationToken);
            if (!await Revocations.RevokeAsync(transaction, audit, Actor.System, row.Id, ReissuedReason, now, cancellationToken))
            {
                continue;
            }

            await AssertionQueries.WithdrawRecipientAsync(transaction, row.Id, RevokedAssertionForm.Of(row.Json), cancellationToken);
            var evidence = JsonNode.Parse(row.Json)?["evidence"]?[0]?["narrative"]?.GetValue<string>();
            await issuer.IssueAsync(transaction, new NewAssertion(
                row.ClientId, badge, row.BadgeLanguage, Recipient: null, row.IssuedOn, row.AssessmentId, evidence, Guid.Parse(row.Id)), Actor.System, cancellationToken);
            reissued++;
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Re-issued {Count} badges that carried a hashed telephone number.", reissued);
        return reissued;
    }
}
