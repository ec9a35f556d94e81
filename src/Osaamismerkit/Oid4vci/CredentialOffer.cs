namespace Osaamismerkit.Oid4vci;

/// <summary>One offer as the token and credential endpoints see it, with whether its badge and its wallet link still stand.</summary>
public sealed record CredentialOffer(
    string Id,
    string AssertionId,
    string ClientId,
    DateTimeOffset CodeExpiresAt,
    DateTimeOffset? CodeUsedAt,
    DateTimeOffset? TokenExpiresAt,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? AssertionRevokedAt,
    DateTimeOffset? LinkRevokedAt)
{
    /// <summary>Revoking the badge or the wallet link it was offered from ends the offer at whatever step it is.</summary>
    public bool Withdrawn => AssertionRevokedAt is not null || LinkRevokedAt is not null;
}
