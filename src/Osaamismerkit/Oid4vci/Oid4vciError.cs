namespace Osaamismerkit.Oid4vci;

/// <summary>An OAuth / OpenID4VCI error code (RFC 6749 §5.2, OpenID4VCI 1.0 §8.3.1.2) and a description for the wallet's logs.</summary>
public sealed record Oid4vciError(string Code, string Description)
{
    public static Oid4vciError InvalidGrant(string description) => new("invalid_grant", description);

    public static Oid4vciError InvalidToken(string description) => new("invalid_token", description);

    public static Oid4vciError InvalidProof(string description) => new("invalid_proof", description);

    public static Oid4vciError InvalidNonce(string description) => new("invalid_nonce", description);
}
