namespace Osaamismerkit.Oid4vci;

/// <summary>The <c>openid-credential-offer://</c> link a wallet scans, and until when its code works.</summary>
public sealed record OfferCreated(string OfferUri, DateTimeOffset ExpiresAt);
