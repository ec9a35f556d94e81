using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Osaamismerkit.Clients;
using Osaamismerkit.Infrastructure.Auditing;
using Osaamismerkit.Infrastructure.Signing;
using Osaamismerkit.OpenBadges;

namespace Osaamismerkit.Issuing;

/// <summary>
/// Builds and signs one Open Badges 2.0 assertion, and stores it inside the caller's transaction. Signing is the
/// costly part and needs no database, so a caller on the hot path signs first and stores once it holds the write lock.
/// </summary>
public sealed class AssertionIssuer(SigningKeyStore keys, ObUrls urls, ContactProtector protector, AuditLog audit)
{
    public Task<IssuedAssertion> IssueAsync(DbTransaction transaction, NewAssertion request, Actor actor, CancellationToken cancellationToken) =>
        StoreAsync(transaction, Sign(request), actor, cancellationToken);

    public SignedAssertion Sign(NewAssertion request)
    {
        var id = Guid.NewGuid();
        var recipient = request.Recipient ?? Recipient.Placeholder(urls.PublicPage(id));
        var claimCode = recipient.IsPlaceholder ? ClaimCodes.Create() : null;
        var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var issuedOn = TruncateToSeconds(request.IssuedOn);
        DateTimeOffset? expires = request.Badge.ValidityMonths is { } months ? issuedOn.AddMonths(months) : null;
        var key = keys.Current;

        var assertion = new JsonObject
        {
            ["@context"] = ObJson.Context,
            ["type"] = "Assertion",
            ["id"] = "urn:uuid:" + id,
            ["recipient"] = new JsonObject
            {
                ["type"] = recipient.Type,
                ["hashed"] = true,
                ["salt"] = salt,
                ["identity"] = recipient.HashWith(salt),
            },
            // The BadgeClass of the signing key's generation, whose issuer profile names this key: see ObUrls.IssuerOf.
            ["badge"] = urls.BadgeClass(request.Badge.Id, request.Badge.Version, request.Language, key.Id),
            ["verification"] = new JsonObject { ["type"] = "SignedBadge", ["creator"] = urls.Key(key.Id) },
            ["issuedOn"] = Timestamp(issuedOn),
        };
        if (expires is { } e)
        {
            assertion["expires"] = Timestamp(e);
        }

        if (!string.IsNullOrWhiteSpace(request.EvidenceNarrative))
        {
            assertion["evidence"] = new JsonArray(new JsonObject { ["narrative"] = request.EvidenceNarrative });
        }

        var json = assertion.ToJsonString(ObJson.Options);
        return new SignedAssertion(
            id, request, recipient, salt, claimCode, protector.Protect(claimCode), issuedOn, expires, key.Id, json, JwsSigner.Sign(json, key));
    }

    public async Task<IssuedAssertion> StoreAsync(DbTransaction transaction, SignedAssertion assertion, Actor actor, CancellationToken cancellationToken)
    {
        var request = assertion.Request;
        await AssertionQueries.InsertAsync(transaction, assertion, cancellationToken);
        await audit.AppendAsync(transaction, actor, new AuditEntry("assertion.issued", "assertion", assertion.Id.ToString(), request.Badge.Id), cancellationToken);

        return new IssuedAssertion(assertion.Id, request.Badge.Id, assertion.Recipient.Type, assertion.IssuedOn, assertion.Expires, assertion.Json, assertion.Jws, assertion.ClaimCode);
    }

    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
