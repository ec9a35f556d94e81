using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Osaamismerkit.Infrastructure.Database;
using Osaamismerkit.Infrastructure.Signing;
using Osaamismerkit.Issuing;

namespace Osaamismerkit.Verification;

/// <summary>
/// Recomputes an assertion's status for each request: the stored JWS must verify against its key and carry
/// exactly the stored JSON; then revocation and expiry decide. Nothing is cached, so a revocation shows at once.
/// </summary>
public sealed class AssertionVerifier(Database database, VerificationKeys keys, SigningKeyStore signingKeys, TimeProvider clock)
{
    public async Task<VerificationResult?> CheckAsync(Guid assertionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await AssertionQueries.VerifiableAsync(connection, assertionId.ToString(), cancellationToken);
        return row is null ? null : Evaluate(row, row.Jws);
    }

    /// <summary>Checks a JWS someone presented (e.g. from a baked image) against our records.</summary>
    public async Task<VerificationResult?> CheckPresentedAsync(string jws, CancellationToken cancellationToken = default)
    {
        if (PayloadOf(jws) is not { } payload)
        {
            return null;
        }

        string? id;
        try
        {
            using var document = JsonDocument.Parse(payload);
            id = document.RootElement.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }

        if (id is null || !id.StartsWith("urn:uuid:", StringComparison.Ordinal) || !Guid.TryParse(id["urn:uuid:".Length..], out var assertionId))
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await AssertionQueries.VerifiableAsync(connection, assertionId.ToString(), cancellationToken);
        if (row is null)
        {
            return null;
        }

        if (payload != row.Json && await EarlierSigningKeyAsync(payload, row.Json, cancellationToken) is { } earlierKeyPem)
        {
            return Evaluate(row with { Json = payload, PublicKeyPem = earlierKeyPem }, jws.Trim());
        }

        return Evaluate(row, jws.Trim());
    }

    /// <summary>
    /// A copy taken before a key change re-signed the assertion (see LegacyAssertions) differs from the stored one only in
    /// its BadgeClass URL and its key; it stays genuine if that key is ours. Returns the key's PEM, or null if it is not such a copy.
    /// </summary>
    private async Task<string?> EarlierSigningKeyAsync(string presentedJson, string storedJson, CancellationToken cancellationToken)
    {
        JsonObject? presented;
        JsonObject? stored;
        try
        {
            presented = JsonNode.Parse(presentedJson) as JsonObject;
            stored = JsonNode.Parse(storedJson) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        if (presented?["verification"]?["creator"] is not JsonValue creatorValue
            || !creatorValue.TryGetValue<string>(out var creator)
            || !Uri.TryCreate(creator, UriKind.Absolute, out var creatorUrl)
            || stored is null)
        {
            return null;
        }

        var segments = creatorUrl.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 3 || segments[^3] != "ob" || segments[^2] != "keys")
        {
            return null;
        }

        foreach (var rebound in new[] { "badge", "verification" })
        {
            presented.Remove(rebound);
            stored.Remove(rebound);
        }

        return JsonNode.DeepEquals(presented, stored) ? await signingKeys.PublicKeyPemAsync(segments[^1], cancellationToken) : null;
    }

    /// <summary>
    /// The status of an assertion whose presented form (an Open Badges 3.0 credential) was checked elsewhere: revocation and
    /// expiry come from the same records as for OB 2.0, so both forms answer alike.
    /// </summary>
    public async Task<VerificationResult?> CheckAsync(Guid assertionId, bool signatureHolds, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await AssertionQueries.VerifiableAsync(connection, assertionId.ToString(), cancellationToken);
        return row is null ? null : Evaluate(row, signatureHolds);
    }

    private VerificationResult Evaluate(VerifiableAssertion row, string jws) => Evaluate(row, SignatureHolds(jws, row.PublicKeyPem, row.Json));

    private VerificationResult Evaluate(VerifiableAssertion row, bool signatureHolds)
    {
        var now = clock.GetUtcNow();
        // Revocation is decided by our own records, so it stands even where an erasure removed the signed document.
        var status = row.RevokedAt is not null
            ? VerificationStatus.Revoked
            : !signatureHolds
                ? VerificationStatus.SignatureInvalid
                : row.Expires is { } e && e <= now ? VerificationStatus.Expired : VerificationStatus.Valid;
        return new VerificationResult(
            status, now, row.Id, row.BadgeId, row.BadgeVersion, row.ClientId, row.RecipientType, row.RecipientIdentity, row.RecipientSalt,
            row.BadgeLanguage, row.IssuedOn, row.Expires, row.RevokedAt, row.RevocationReason, EvidenceOf(row.Json));
    }

    private bool SignatureHolds(string jws, string publicKeyPem, string expectedPayload)
    {
        var parts = jws.Split('.');
        if (parts.Length != 3 || PayloadOf(jws) != expectedPayload || keys.For(publicKeyPem) is not { } rsa)
        {
            return false;
        }

        try
        {
            return rsa.VerifyData(
                Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64UrlEncoder.DecodeBytes(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static string? PayloadOf(string jws)
    {
        var parts = jws.Trim().Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? EvidenceOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("evidence", out var evidence) && evidence.ValueKind == JsonValueKind.Array && evidence.GetArrayLength() > 0
            && evidence[0].TryGetProperty("narrative", out var narrative)
            ? narrative.GetString()
            : null;
    }

}
